import { startDemoStage } from '../../src/ui/demo/stage';

// Composition root of the gallery's stage frame (demo-stage.html?case=…&lang=…&live=0|1&big=0|1).
startDemoStage({ doc: document, win: window, search: location.search });
