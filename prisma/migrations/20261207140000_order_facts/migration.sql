-- CreateTable
CREATE TABLE "OrderFacts" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "facts" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL,
    "announcedUpdatedAt" DATETIME,

    PRIMARY KEY ("shop", "orderId")
);
