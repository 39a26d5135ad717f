-- AlterTable
ALTER TABLE "wards" ADD COLUMN     "transaction_day" INTEGER NOT NULL DEFAULT 17;

-- AlterTable
ALTER TABLE "loan_programs" ADD COLUMN     "deadlines" JSONB NOT NULL DEFAULT '{"group-vote":15,"ward-verification":5,"entrustment":5,"bank-approval":3}',
ADD COLUMN     "expiry_policy" TEXT NOT NULL DEFAULT 'return',
ADD COLUMN     "grace_working_days" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "disbursement_on" DATE,
ADD COLUMN     "due_on" DATE,
ADD COLUMN     "overdue" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "step_decisions" ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "calendar_days" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "working" BOOLEAN NOT NULL,
    "kind" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'announced',

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "escalation_contacts" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "escalation_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_days_year_idx" ON "calendar_days"("year");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_contacts_scope_email_key" ON "escalation_contacts"("scope", "email");

