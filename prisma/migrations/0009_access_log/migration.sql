-- CreateTable
CREATE TABLE "access_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "officer_username" TEXT NOT NULL,
    "officer_role" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "application_id" UUID,
    "application_code" TEXT,
    "ward_code" TEXT,

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_log_at_idx" ON "access_log"("at");

-- CreateIndex
CREATE INDEX "access_log_application_code_at_idx" ON "access_log"("application_code", "at");

-- CreateIndex
CREATE INDEX "access_log_officer_username_at_idx" ON "access_log"("officer_username", "at");

