/** The start-up loader of the org tree and first quotas: the only file other folders import. */
export { ReferenceDataModule } from './reference-data.module';
export { loadReferenceData } from './reference-data';
export { readOrgTreeFile } from './org-tree-file';
