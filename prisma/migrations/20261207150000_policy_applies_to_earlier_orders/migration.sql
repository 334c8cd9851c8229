-- AlterTable
ALTER TABLE "PolicyVersion" ADD COLUMN "appliesToEarlierOrders" BOOLEAN NOT NULL DEFAULT false;
