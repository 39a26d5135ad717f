-- CreateTable
CREATE TABLE "group_meetings" (
    "id" UUID NOT NULL,
    "group_code" TEXT NOT NULL,
    "meeting_date" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "association_officer_name" TEXT NOT NULL,
    "village_head_name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by" TEXT,
    "close_requested_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "group_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_meeting_attendees" (
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,

    CONSTRAINT "group_meeting_attendees_pkey" PRIMARY KEY ("meeting_id","member_id")
);

-- CreateTable
CREATE TABLE "group_meeting_items" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "recused_member_ids" TEXT[],
    "tally" JSONB,
    "outcome" TEXT,
    "decided_seq" INTEGER,
    "decided_at" TIMESTAMP(3),
    "failure_code" TEXT,
    "failure_message" TEXT,

    CONSTRAINT "group_meeting_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_meeting_ballots" (
    "item_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "vote" TEXT NOT NULL,

    CONSTRAINT "group_meeting_ballots_pkey" PRIMARY KEY ("item_id","member_id")
);

-- CreateIndex
CREATE INDEX "group_meetings_group_code_status_idx" ON "group_meetings"("group_code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "group_meeting_items_meeting_id_application_id_key" ON "group_meeting_items"("meeting_id", "application_id");

-- AddForeignKey
ALTER TABLE "group_meetings" ADD CONSTRAINT "group_meetings_group_code_fkey" FOREIGN KEY ("group_code") REFERENCES "savings_groups"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_attendees" ADD CONSTRAINT "group_meeting_attendees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_attendees" ADD CONSTRAINT "group_meeting_attendees_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "group_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_items" ADD CONSTRAINT "group_meeting_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "group_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_items" ADD CONSTRAINT "group_meeting_items_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_ballots" ADD CONSTRAINT "group_meeting_ballots_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "group_meeting_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_meeting_ballots" ADD CONSTRAINT "group_meeting_ballots_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "group_members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One meeting in preparation per group at a time (Prisma cannot declare a partial index): a second open is refused.
CREATE UNIQUE INDEX "group_meetings_one_open_per_group" ON "group_meetings"("group_code") WHERE "status" <> 'CLOSED';
