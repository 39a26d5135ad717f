/**
 * A file sent by a plain `<form enctype="multipart/form-data">`, read with busboy. The CSRF token is the form's
 * first field (browsers send fields in document order): it is checked before any byte of the file is kept, and
 * a file that comes before a valid token is refused unread. One file, at most `maxBytes`; the rest of an
 * oversized body is drained (up to a hard cap) so that the browser receives the page that says so.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '../domain/errors.js';
import { sameSecret } from '../infra/passwords.js';
import { CSRF_FIELD } from './context.js';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export type Upload =
  | { kind: 'file'; file: UploadedFile }
  /** No file chosen, or a file of zero bytes. */
  | { kind: 'empty' }
  | { kind: 'too-large' }
  | { kind: 'too-many-files' };

/** Beyond this the connection is cut: nobody uploads a list four times the limit by mistake. */
const HARD_CAP_FACTOR = 4;

const forbidden = () => new AppError('FORBIDDEN', 'The form has expired; reload the page and send it again');

export function readUpload(req: Request, expectedCsrf: string, maxBytes: number): Promise<Upload> {
  if (!req.is('multipart/form-data')) return Promise.resolve({ kind: 'empty' });
  return new Promise((resolve, reject) => {
    let csrfChecked = false;
    let refused: AppError | null = null;
    let file: UploadedFile | null = null;
    let tooLarge = false;
    let tooManyFiles = false;
    let received = 0;
    const parser = busboy({
      headers: req.headers,
      // Browsers send a file's name in UTF-8: "Danh sách hộ.csv" stays whole.
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    });
    const stop = (error: AppError) => {
      refused = error;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value) => {
      if (name !== CSRF_FIELD || csrfChecked) return;
      if (!sameSecret(value, expectedCsrf)) return stop(forbidden());
      csrfChecked = true;
    });
    parser.on('file', (_name, stream, info) => {
      if (!csrfChecked) {
        stream.resume();
        return stop(forbidden());
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooLarge = true;
      });
      stream.on('end', () => {
        file = { fileName: info.filename ?? '', contentType: info.mimeType, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => {
      tooManyFiles = true;
    });
    parser.on('error', () => {
      if (!refused) stop(new AppError('VALIDATION_FAILED', 'The form could not be read'));
    });
    parser.on('close', () => {
      if (refused) return;
      if (!csrfChecked) return reject(forbidden());
      if (tooManyFiles) return resolve({ kind: 'too-many-files' });
      if (tooLarge) return resolve({ kind: 'too-large' });
      const chosen = file as UploadedFile | null;
      if (!chosen || chosen.bytes.length === 0) return resolve({ kind: 'empty' });
      resolve({ kind: 'file', file: chosen });
    });
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes * HARD_CAP_FACTOR && !refused) {
        refused = new AppError('PAYLOAD_TOO_LARGE', 'The file is too large');
        req.unpipe(parser);
        req.destroy();
        reject(refused);
      }
    });
    req.pipe(parser);
  });
}
