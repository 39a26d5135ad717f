-- CreateTable
CREATE TABLE "status_sessions" (
    "token_hash" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "status_sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "status_sessions_expires_at_idx" ON "status_sessions"("expires_at");

