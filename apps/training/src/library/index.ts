export { LibraryModule } from './library.module';
export { LibraryService } from './library.service';
export { LibraryRepository } from './library.repository';
export { libraryMigrations } from './migrations';
export type { LibraryResourceRow } from './library.row';
export { ownersAbove } from './library-access';
export { searchTokens } from './rules/search-tokens';
