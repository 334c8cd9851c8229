-- CreateTable
CREATE TABLE "OrderFacts" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "facts" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,
    "announcedUpdatedAt" TIMESTAMP(3),

    CONSTRAINT "OrderFacts_pkey" PRIMARY KEY ("shop","orderId")
);
