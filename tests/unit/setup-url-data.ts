// The extension fetches the URL data (Public Suffix List, confusables) on first need
// (src/background/url-data-loader.ts); unit tests install the same data from the packages.
import { installUrlDataFromPackages } from '../../src/url/url-data-source';

installUrlDataFromPackages();
