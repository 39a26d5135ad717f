-- AlterTable
ALTER TABLE "loan_programs" ADD COLUMN     "instalment_months" INTEGER NOT NULL DEFAULT 12;

-- CreateTable
CREATE TABLE "loans" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "program_code" TEXT NOT NULL,
    "ward_code" TEXT NOT NULL,
    "group_code" TEXT NOT NULL,
    "association_code" TEXT NOT NULL,
    "household_id" UUID NOT NULL,
    "borrower_name" TEXT NOT NULL,
    "borrower_citizen_id" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "term_months" INTEGER NOT NULL,
    "annual_rate_percent" DECIMAL(7,4) NOT NULL,
    "instalment_months" INTEGER NOT NULL,
    "disbursed_on" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "outstanding_principal" BIGINT NOT NULL,
    "overdue_principal" BIGINT NOT NULL,
    "use_check_due_on" DATE NOT NULL,
    "use_check_overdue" BOOLEAN NOT NULL DEFAULT false,
    "use_check_outcome" TEXT,
    "use_check_note" TEXT,
    "use_checked_by" TEXT,
    "use_checked_at" TIMESTAMP(3),
    "closed_on" DATE,
    "last_event_seq" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_instalments" (
    "loan_id" UUID NOT NULL,
    "no" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "original_due_on" DATE NOT NULL,
    "principal" BIGINT NOT NULL,
    "paid_principal" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "overdue_interest_paid" BIGINT NOT NULL,
    "extended_from" DATE,
    "ward_chair_comment" TEXT,
    "bank_decision" TEXT,

    CONSTRAINT "loan_instalments_pkey" PRIMARY KEY ("loan_id","no")
);

-- CreateTable
CREATE TABLE "loan_interest" (
    "loan_id" UUID NOT NULL,
    "period" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "start_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "base" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "collected" BIGINT,
    "settled" BIGINT NOT NULL,

    CONSTRAINT "loan_interest_pkey" PRIMARY KEY ("loan_id","period")
);

-- CreateTable
CREATE TABLE "loan_payments" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "loan_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "principal" BIGINT NOT NULL,
    "interest" BIGINT NOT NULL,
    "overdue_interest" BIGINT NOT NULL,
    "paid_on" DATE NOT NULL,
    "month" TEXT,
    "receipt_no" TEXT,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loan_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "loan_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor_username" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "loan_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "loans_application_id_key" ON "loans"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "loans_workflow_id_key" ON "loans"("workflow_id");

-- CreateIndex
CREATE INDEX "loans_ward_code_status_idx" ON "loans"("ward_code", "status");

-- CreateIndex
CREATE INDEX "loans_group_code_status_idx" ON "loans"("group_code", "status");

-- CreateIndex
CREATE INDEX "loans_borrower_citizen_id_idx" ON "loans"("borrower_citizen_id");

-- CreateIndex
CREATE INDEX "loans_household_id_idx" ON "loans"("household_id");

-- CreateIndex
CREATE INDEX "loan_instalments_status_idx" ON "loan_instalments"("status");

-- CreateIndex
CREATE UNIQUE INDEX "loan_interest_loan_id_month_key" ON "loan_interest"("loan_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "loan_payments_event_id_key" ON "loan_payments"("event_id");

-- CreateIndex
CREATE INDEX "loan_payments_loan_id_paid_on_idx" ON "loan_payments"("loan_id", "paid_on");

-- CreateIndex
CREATE UNIQUE INDEX "loan_payments_loan_id_kind_month_key" ON "loan_payments"("loan_id", "kind", "month");

-- CreateIndex
CREATE UNIQUE INDEX "loan_events_event_id_key" ON "loan_events"("event_id");

-- CreateIndex
CREATE INDEX "loan_events_loan_id_seq_idx" ON "loan_events"("loan_id", "seq");

-- AddForeignKey
ALTER TABLE "loans" ADD CONSTRAINT "loans_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_instalments" ADD CONSTRAINT "loan_instalments_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_interest" ADD CONSTRAINT "loan_interest_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_payments" ADD CONSTRAINT "loan_payments_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_events" ADD CONSTRAINT "loan_events_loan_id_fkey" FOREIGN KEY ("loan_id") REFERENCES "loans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

