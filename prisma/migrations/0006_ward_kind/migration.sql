-- AlterTable
ALTER TABLE "wards" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'phuong';

-- Existing rural communes are named "Xã …".
UPDATE "wards" SET "kind" = 'xa' WHERE "name" LIKE 'Xã %';
