import express, { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { Officer } from '../../domain/sessions.js';
import { attachmentDisposition } from '../content-disposition.js';
import { requireOfficer } from '../middleware/auth.js';
import { AppError } from '../../domain/errors.js';
import { checkAgainstRegistry } from '../../domain/registry/check.js';
import { importRegistryFile, REGISTRY_MAX_FILE_BYTES, uploadBaseName } from '../../domain/registry/import-file.js';
import { exportRegistryFile, XLSX_MEDIA_TYPE } from '../../domain/registry/export-file.js';
import { RegistryHousehold } from '../../domain/registry/index.js';
import { findListing } from '../../domain/registry/store.js';
import { recordAccess } from '../../domain/access-log.js';
import {
  ApplicationParams,
  HouseholdCategory,
  Outcome,
  RegistryExportQuery,
  RegistryImportQuery,
  RegistryLookupQuery,
  WardParams,
} from '../schemas.js';

export const REGISTRY_MEDIA_TYPES = ['text/csv', 'text/plain', XLSX_MEDIA_TYPE, 'application/octet-stream'];

const ImportErrorView = z.object({
  /** The spreadsheet's own row number; null for a conflict with the registry rather than with the file. */
  row: z.number().int().nullable(),
  sheet: z.string().optional(),
  column: z.string().optional(),
  householdId: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const RegistryImportResult = z.object({
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  dataRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Households on the ward's list that the file does not mention: an import never removes them. */
  missing: z.number().int(),
  rejectedRows: z.number().int(),
  errors: z.array(ImportErrorView),
});

export const RegistryListingView = z.object({
  citizenId: z.string(),
  asOf: z.string(),
  found: z.boolean(),
  role: z.enum(['head', 'member']).nullable(),
  household: RegistryHousehold.nullable(),
  active: z.boolean(),
  expired: z.boolean(),
});

export const RegistryCheckView = z.object({
  applicationId: z.string(),
  code: z.string(),
  wardCode: z.string(),
  citizenId: z.string(),
  declaredCategory: HouseholdCategory,
  asOf: z.string(),
  registry: z.object({
    found: z.boolean(),
    role: z.enum(['head', 'member']).nullable(),
    householdId: z.string().nullable(),
    village: z.string().nullable(),
    category: HouseholdCategory.nullable(),
    listedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    active: z.boolean(),
    expired: z.boolean(),
  }),
  matchesDeclaredCategory: z.boolean().nullable(),
  /** A ward-verification decision body the officer can send as it is, or change. */
  prefill: z.object({
    outcome: Outcome,
    residenceConfirmed: z.boolean(),
    listedCategory: HouseholdCategory,
    reason: z.string().optional(),
  }),
});

/**
 * Only the ward's own officers keep and read its household list. Ward codes are public (GET /api/wards), so
 * answering 403 rather than 404 to anyone else reveals nothing.
 */
function wardOfficer(res: Response, ward: string): Officer {
  const officer = requireOfficer(res);
  if (officer.role !== 'ward_officer' || officer.wardCode !== ward) {
    throw new AppError('FORBIDDEN', "Only the ward's own officers keep its household list");
  }
  return officer;
}

/**
 * Reads an uploaded list into a Buffer, after the access check so that nobody else can make the server read
 * 10 MB. Mounted ahead of the Idempotency-Key middleware, which hashes the body.
 */
export function readRegistryUpload(): RequestHandler {
  const raw = express.raw({ type: REGISTRY_MEDIA_TYPES, limit: REGISTRY_MAX_FILE_BYTES });
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    wardOfficer(res, WardParams.parse(req.params).ward);
    raw(req, res, next);
  };
}

function uploadedName(header: string | undefined): string | undefined {
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header ?? '')?.[1]?.trim();
}

/** `today` gives the date in Vietnam (YYYY-MM-DD) that imports and listings are judged against. */
export function registryRoutes(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  router.post('/wards/:ward/registry/import', async (req, res) => {
    const { ward } = WardParams.parse(req.params);
    const officer = wardOfficer(res, ward);
    const query = RegistryImportQuery.parse(req.query);
    if (!Buffer.isBuffer(req.body)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the file itself as the body, as ${REGISTRY_MEDIA_TYPES.join(', ')}`,
      );
    }
    const fileName = uploadBaseName(query.fileName ?? uploadedName(req.header('content-disposition')) ?? 'upload');
    const upload = { fileName, contentType: req.header('content-type') ?? '', bytes: req.body };
    const outcome = await importRegistryFile(prisma, {
      wardCode: ward,
      officer,
      upload,
      today: today(),
      dryRun: query.dryRun,
    });
    if (outcome.kind === 'refused') {
      const fields = outcome.errors.map((e) => ({ path: e.column ?? `row ${e.row}`, message: e.message }));
      throw new AppError(outcome.code, outcome.message, fields);
    }
    const { file, dataRows, counts } = outcome;
    res.json(RegistryImportResult.parse({ dryRun: query.dryRun, ...file, dataRows, ...counts }));
  });

  router.get('/wards/:ward/registry/export', async (req, res) => {
    const { ward } = WardParams.parse(req.params);
    wardOfficer(res, ward);
    const { format } = RegistryExportQuery.parse(req.query);
    await recordAccess(prisma, requireOfficer(res), { view: 'registry-export', wardCode: ward });
    const file = await exportRegistryFile(prisma, ward, format, today());
    res.type(file.mediaType).set('Content-Disposition', attachmentDisposition(file.fileName)).send(file.bytes);
  });

  router.get('/wards/:ward/registry/households', async (req, res) => {
    const { ward } = WardParams.parse(req.params);
    wardOfficer(res, ward);
    const { citizenId, asOf } = RegistryLookupQuery.parse(req.query);
    const listing = RegistryListingView.parse(await findListing(prisma, ward, citizenId, asOf ?? today()));
    await recordAccess(prisma, requireOfficer(res), { view: 'registry-lookup', wardCode: ward });
    res.json(listing);
  });

  router.get('/applications/:id/registry-check', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const check = RegistryCheckView.parse(await checkAgainstRegistry(prisma, officer, id, today()));
    await recordAccess(prisma, officer, {
      view: 'registry-check',
      application: { id: check.applicationId, code: check.code },
      wardCode: check.wardCode,
    });
    res.json(check);
  });

  return router;
}
