/** Name of the stage → gallery message (presenter keys pressed inside the stage frame). Its own module so the gallery does not bundle the stage. */
export const STAGE_MESSAGE = 'scamsentinel-demo-stage';
