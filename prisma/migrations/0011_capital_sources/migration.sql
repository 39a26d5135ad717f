-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "capital_shortfall" TEXT;

-- CreateTable
CREATE TABLE "capital_sources" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "ward_code" TEXT,
    "program_code" TEXT,
    "capital" BIGINT NOT NULL DEFAULT 0,
    "reserved" BIGINT NOT NULL DEFAULT 0,
    "outstanding" BIGINT NOT NULL DEFAULT 0,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "capital_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "capital_movements" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "on" DATE NOT NULL,
    "decision_number" TEXT,
    "application_id" UUID,
    "note" TEXT,
    "actor_username" TEXT NOT NULL,
    "capital_after" BIGINT NOT NULL,
    "reserved_after" BIGINT NOT NULL,
    "outstanding_after" BIGINT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "capital_movements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "capital_reservations" (
    "application_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "repaid" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "capital_reservations_pkey" PRIMARY KEY ("application_id")
);

-- CreateTable
CREATE TABLE "capital_plans" (
    "source_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "program_code" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "capital_plans_pkey" PRIMARY KEY ("source_id","year","program_code")
);

-- CreateTable
CREATE TABLE "program_capital_priorities" (
    "program_code" TEXT NOT NULL,
    "source_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "program_capital_priorities_pkey" PRIMARY KEY ("program_code","source_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "capital_sources_code_key" ON "capital_sources"("code");

-- CreateIndex
CREATE INDEX "capital_sources_district_idx" ON "capital_sources"("district");

-- CreateIndex
CREATE UNIQUE INDEX "capital_movements_key_key" ON "capital_movements"("key");

-- CreateIndex
CREATE INDEX "capital_movements_source_id_recorded_at_idx" ON "capital_movements"("source_id", "recorded_at");

-- CreateIndex
CREATE INDEX "capital_movements_application_id_idx" ON "capital_movements"("application_id");

-- CreateIndex
CREATE INDEX "capital_reservations_source_id_status_idx" ON "capital_reservations"("source_id", "status");

-- AddForeignKey
ALTER TABLE "capital_movements" ADD CONSTRAINT "capital_movements_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "capital_sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capital_reservations" ADD CONSTRAINT "capital_reservations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "capital_sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capital_plans" ADD CONSTRAINT "capital_plans_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "capital_sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_capital_priorities" ADD CONSTRAINT "program_capital_priorities_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "capital_sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The balance can never be overdrawn, whatever the code above it does.
ALTER TABLE "capital_sources" ADD CONSTRAINT "capital_sources_balance_check"
    CHECK ("reserved" >= 0 AND "outstanding" >= 0 AND "capital" >= "reserved" + "outstanding");
ALTER TABLE "capital_movements" ADD CONSTRAINT "capital_movements_amount_check" CHECK ("amount" > 0);
