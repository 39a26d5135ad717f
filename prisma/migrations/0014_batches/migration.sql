-- CreateTable
CREATE TABLE "batches" (
    "id" UUID NOT NULL,
    "group_code" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "meeting_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_by" TEXT,
    "submit_requested_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3),
    "confirmed_by" TEXT,
    "confirm_requested_at" TIMESTAMP(3),
    "confirmed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_rows" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "included" BOOLEAN NOT NULL DEFAULT true,
    "outcome" TEXT,
    "reason" TEXT,
    "fields" JSONB,
    "decided_outcome" TEXT,
    "decided_seq" INTEGER,
    "proposed_by" TEXT,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "confirmation" TEXT,
    "confirm_reason" TEXT,
    "confirmed_outcome" TEXT,
    "confirmed_seq" INTEGER,
    "confirm_failure_code" TEXT,
    "confirm_failure_message" TEXT,

    CONSTRAINT "batch_rows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "batches_group_code_step_status_idx" ON "batches"("group_code", "step", "status");

-- CreateIndex
CREATE UNIQUE INDEX "batch_rows_batch_id_application_id_key" ON "batch_rows"("batch_id", "application_id");

-- AddForeignKey
ALTER TABLE "batches" ADD CONSTRAINT "batches_group_code_fkey" FOREIGN KEY ("group_code") REFERENCES "savings_groups"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_rows" ADD CONSTRAINT "batch_rows_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_rows" ADD CONSTRAINT "batch_rows_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

