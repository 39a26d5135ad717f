-- AlterTable
ALTER TABLE "households" ADD COLUMN     "expires_on" DATE,
ADD COLUMN     "head_birth_date" DATE,
ADD COLUMN     "listed_category" TEXT,
ADD COLUMN     "listed_on" DATE,
ADD COLUMN     "registry_code" TEXT;

-- AlterTable
ALTER TABLE "household_members" ADD COLUMN     "birth_date" DATE,
ADD COLUMN     "from_registry" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "citizen_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "registry_imports" (
    "id" UUID NOT NULL,
    "ward_code" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected_rows" INTEGER NOT NULL,
    "errors" JSONB NOT NULL,

    CONSTRAINT "registry_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "caller" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "status" INTEGER,
    "body" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "registry_imports_ward_code_imported_at_idx" ON "registry_imports"("ward_code", "imported_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_keys_key_caller_method_path_key" ON "idempotency_keys"("key", "caller", "method", "path");

-- CreateIndex
CREATE UNIQUE INDEX "households_ward_code_registry_code_key" ON "households"("ward_code", "registry_code");

-- AddForeignKey
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

