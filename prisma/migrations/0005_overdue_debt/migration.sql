-- AlterTable
ALTER TABLE "loan_programs" ADD COLUMN     "check_overdue_debt" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "overdue_debts" (
    "id" UUID NOT NULL,
    "citizen_id" TEXT NOT NULL,
    "amount_vnd" BIGINT NOT NULL,
    "since" DATE NOT NULL,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleared_by" TEXT,
    "cleared_at" TIMESTAMP(3),

    CONSTRAINT "overdue_debts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "overdue_debts_citizen_id_idx" ON "overdue_debts"("citizen_id");

