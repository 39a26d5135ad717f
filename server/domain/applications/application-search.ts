/**
 * What a search box typed into the applications list means, one rule for the API and the page: an application
 * code matches that code exactly (in any case), 12 digits match the borrower's citizen ID exactly, anything
 * else is part of the borrower's name, compared folded ("Nguyen Van Anh" finds "Nguyễn Văn Ánh").
 */
import { foldText, toOneLine } from '../text.js';

export type ApplicationSearch =
  { by: 'code'; code: string } | { by: 'citizenId'; citizenId: string } | { by: 'name'; folded: string };

/** Ward code, year, six characters: HOABINH-2026-ABC123. */
const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{4}-[A-Z0-9]{6}$/u;
const CITIZEN_ID = /^\d{12}$/u;

/** The search a typed text asks for; null when nothing searchable is left (blank, or punctuation only). */
export function parseApplicationSearch(typed: string): ApplicationSearch | null {
  const text = toOneLine(typed);
  const upper = text.toUpperCase();
  if (CODE.test(upper)) return { by: 'code', code: upper };
  if (CITIZEN_ID.test(text)) return { by: 'citizenId', citizenId: text };
  const folded = foldText(text);
  return folded === '' ? null : { by: 'name', folded };
}
