import { CreateLibrary1766000000000 } from './1766000000000-create-library';

export const libraryMigrations: Function[] = [CreateLibrary1766000000000];
