-- The borrower's name folded for search (no case, no diacritics, đ → d), as foldText in server/domain/text.ts
-- writes it. PGlite has no unaccent extension, so the rows already stored are folded here by translating the
-- Vietnamese letters (composed, NFC, as every name is stored), then runs of anything but letters and digits as one space.
-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "borrower_name_folded" TEXT NOT NULL DEFAULT '';

UPDATE "applications" SET "borrower_name_folded" = btrim(regexp_replace(
  lower(translate("borrower_name",
    'ÀÁÂÃÈÉÊÌÍÎÒÓÔÕÙÚÛÝàáâãèéêìíîòóôõùúûýĂăĔĕĨĩĬĭŎŏŨũŬŭŶŷƠơƯưṌṍṸṹẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹđĐ',
    'aaaaeeeiiioooouuuyaaaaeeeiiioooouuuyaaeeiiiioouuuuyyoouuoouuaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyydd')),
  '[^a-z0-9]+', ' ', 'g'));

-- CreateIndex
CREATE INDEX "applications_borrower_name_folded_idx" ON "applications"("borrower_name_folded");

-- CreateIndex
CREATE INDEX "applications_borrower_citizen_id_idx" ON "applications"("borrower_citizen_id");
