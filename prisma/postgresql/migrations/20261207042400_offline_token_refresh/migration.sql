-- CreateTable
CREATE TABLE "OfflineTokenRefresh" (
    "shop" TEXT NOT NULL,
    "holder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "refusedHash" TEXT,
    "refusedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfflineTokenRefresh_pkey" PRIMARY KEY ("shop")
);

