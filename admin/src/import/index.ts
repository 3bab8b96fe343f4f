export { IMPORT_PATH, ImportPage } from './ImportPage';
