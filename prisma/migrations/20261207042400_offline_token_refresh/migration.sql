-- CreateTable
CREATE TABLE "OfflineTokenRefresh" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "leaseUntil" DATETIME,
    "refusedHash" TEXT,
    "refusedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

