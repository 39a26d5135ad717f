-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "wards" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "transaction_point" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wards_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "mass_organisations" (
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "mass_organisations_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "savings_groups" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "village" TEXT NOT NULL,
    "ward_code" TEXT NOT NULL,
    "association_code" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "savings_groups_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "group_members" (
    "id" UUID NOT NULL,
    "group_code" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "citizen_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "joined_on" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "left_on" DATE,

    CONSTRAINT "group_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_programs" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "ceiling_vnd" BIGINT NOT NULL,
    "ceiling_per_month_vnd" BIGINT,
    "annual_rate_percent" DECIMAL(7,4) NOT NULL,
    "max_term_months" INTEGER NOT NULL,
    "step_order" TEXT[],
    "eligible_categories" TEXT[],
    "vote_rules" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loan_programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "households" (
    "id" UUID NOT NULL,
    "ward_code" TEXT NOT NULL,
    "village" TEXT,
    "category" TEXT NOT NULL,
    "head_name" TEXT NOT NULL,
    "head_citizen_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "households_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "program_id" UUID NOT NULL,
    "program_code" TEXT NOT NULL,
    "ward_code" TEXT NOT NULL,
    "group_code" TEXT NOT NULL,
    "household_id" UUID NOT NULL,
    "household_category" TEXT NOT NULL,
    "borrower_name" TEXT NOT NULL,
    "borrower_citizen_id" TEXT NOT NULL,
    "borrower_birth_date" DATE NOT NULL,
    "borrower_phone" TEXT,
    "borrower_email" TEXT,
    "village" TEXT,
    "amount_requested" BIGINT NOT NULL,
    "term_months" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "use_plan" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "current_step" TEXT,
    "step_holder" TEXT,
    "step_holder_role" TEXT,
    "step_started_at" TIMESTAMP(3),
    "approved_amount" BIGINT,
    "approved_term_months" INTEGER,
    "annual_rate_percent" DECIMAL(7,4),
    "return_reason" TEXT,
    "last_event_seq" INTEGER NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step_decisions" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "actor_username" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "decided_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "step_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursements" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "disbursed_on" DATE NOT NULL,
    "transaction_point" TEXT NOT NULL,
    "officer_username" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disbursements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "application_id" UUID,
    "seq" INTEGER,
    "type" TEXT NOT NULL,
    "step" TEXT,
    "actor_username" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "actor_scope" TEXT,
    "data" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_outbox" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "application_id" UUID,
    "recipient" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "notification_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "officer_accounts" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT,
    "role" TEXT NOT NULL,
    "ward_code" TEXT,
    "association_code" TEXT,
    "group_code" TEXT,
    "bank_office_code" TEXT,
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "officer_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "savings_groups_ward_code_idx" ON "savings_groups"("ward_code");

-- CreateIndex
CREATE UNIQUE INDEX "group_members_group_code_citizen_id_key" ON "group_members"("group_code", "citizen_id");

-- CreateIndex
CREATE UNIQUE INDEX "loan_programs_code_version_key" ON "loan_programs"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "households_ward_code_head_citizen_id_key" ON "households"("ward_code", "head_citizen_id");

-- CreateIndex
CREATE UNIQUE INDEX "applications_code_key" ON "applications"("code");

-- CreateIndex
CREATE UNIQUE INDEX "applications_workflow_id_key" ON "applications"("workflow_id");

-- CreateIndex
CREATE INDEX "applications_ward_code_status_idx" ON "applications"("ward_code", "status");

-- CreateIndex
CREATE INDEX "applications_group_code_status_idx" ON "applications"("group_code", "status");

-- CreateIndex
CREATE INDEX "applications_current_step_status_idx" ON "applications"("current_step", "status");

-- CreateIndex
CREATE INDEX "applications_submitted_at_idx" ON "applications"("submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "step_decisions_event_id_key" ON "step_decisions"("event_id");

-- CreateIndex
CREATE INDEX "step_decisions_application_id_seq_idx" ON "step_decisions"("application_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "disbursements_application_id_key" ON "disbursements"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "disbursements_event_id_key" ON "disbursements"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_event_id_key" ON "audit_events"("event_id");

-- CreateIndex
CREATE INDEX "audit_events_application_id_seq_idx" ON "audit_events"("application_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "notification_outbox_message_id_key" ON "notification_outbox"("message_id");

-- CreateIndex
CREATE INDEX "notification_outbox_status_created_at_idx" ON "notification_outbox"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_outbox_event_id_recipient_key" ON "notification_outbox"("event_id", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "officer_accounts_username_key" ON "officer_accounts"("username");

-- CreateIndex
CREATE UNIQUE INDEX "auth_sessions_token_hash_key" ON "auth_sessions"("token_hash");

-- AddForeignKey
ALTER TABLE "savings_groups" ADD CONSTRAINT "savings_groups_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "savings_groups" ADD CONSTRAINT "savings_groups_association_code_fkey" FOREIGN KEY ("association_code") REFERENCES "mass_organisations"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_code_fkey" FOREIGN KEY ("group_code") REFERENCES "savings_groups"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "loan_programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_ward_code_fkey" FOREIGN KEY ("ward_code") REFERENCES "wards"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_group_code_fkey" FOREIGN KEY ("group_code") REFERENCES "savings_groups"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step_decisions" ADD CONSTRAINT "step_decisions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "officer_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

