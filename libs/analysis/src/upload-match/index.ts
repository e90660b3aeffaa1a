/** Bulk-upload matching: which technique, mode and sample an instrument file belongs to. */
export { findSampleCodes, readUploadClues, UPLOAD_HEAD_BYTES, type CodeClue, type UploadClues } from './upload-clues';
export { candidateCodes, proposeUpload, type UploadProposal } from './propose-upload';
