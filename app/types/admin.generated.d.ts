/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type BlockedCustomersQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type BlockedCustomersQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id'>
    & { lastOrder?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'name'>> }
  )>> };

export type ExchangeItemsStockQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ExchangeItemsStockQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'inventoryQuantity'>>> };

export type ExchangeOptionsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  variants?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type ExchangeOptionsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'currencyCode' | 'presentmentCurrencyCode'>
    & { lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<(
          Pick<AdminTypes.Product, 'id' | 'title' | 'productType'>
          & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'inventoryQuantity'>> } }
        )> }
      )> } }
  )> };

export type ExchangeOtherProductsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  first?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  variants?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type ExchangeOtherProductsQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'inventoryQuantity'>> } }
    )> } };

export type ExchangeStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillments?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  fulfillmentLines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type ExchangeStatusQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id'>
    & { exchangeLineItems: { nodes: Array<(
        Pick<AdminTypes.ExchangeLineItem, 'id' | 'processedQuantity'>
        & { lineItems?: AdminTypes.Maybe<Array<Pick<AdminTypes.LineItem, 'id'>>> }
      )> }, order: (
      Pick<AdminTypes.Order, 'id'>
      & { fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'id' | 'displayStatus' | 'createdAt'>
        & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'number' | 'company' | 'url'>>, fulfillmentLineItems: { nodes: Array<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> } }
      )> }
    ) }
  )> };

export type FileCreateMutationVariables = AdminTypes.Exact<{
  files: Array<AdminTypes.FileCreateInput> | AdminTypes.FileCreateInput;
}>;


export type FileCreateMutation = { fileCreate?: AdminTypes.Maybe<{ files?: AdminTypes.Maybe<Array<Pick<AdminTypes.ExternalVideo, 'id' | 'fileStatus'> | Pick<AdminTypes.GenericFile, 'url' | 'id' | 'fileStatus'> | (
      Pick<AdminTypes.MediaImage, 'id' | 'fileStatus'>
      & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>> }
    ) | Pick<AdminTypes.Model3d, 'id' | 'fileStatus'> | Pick<AdminTypes.Video, 'id' | 'fileStatus'>>>, userErrors: Array<Pick<AdminTypes.FilesUserError, 'field' | 'message' | 'code'>> }> };

export type MetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type MetafieldsSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id' | 'namespace' | 'key' | 'value' | 'type' | 'compareDigest'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code' | 'elementIndex'>> }> };

export type OrderExchangeReturnsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderExchangeReturnsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'status' | 'createdAt'>
        & { returnLineItems: { nodes: Array<(
            Pick<AdminTypes.ReturnLineItem, 'quantity'>
            & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
          ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'quantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'variantId' | 'quantity'>> } }
      )> } }
  )> };

export type OrderIdByNameQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrderIdByNameQuery = { orders: { nodes: Array<Pick<AdminTypes.Order, 'id' | 'name'>> } };

export type OrderIdsByEmailQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrderIdsByEmailQuery = { orders: { nodes: Array<Pick<AdminTypes.Order, 'id'>> } };

export type OrderReturnsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type OrderReturnsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'status' | 'createdAt'>
        & { returnLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
            Pick<AdminTypes.ReturnLineItem, 'quantity' | 'customerNote'>
            & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'>, returnReasonDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'id'>> }
          ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'quantity' | 'customerNote'>> } }
      )> } }
  )> };

export type OrderSnapshotQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  withOrderParts?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  lines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  fulfillments?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  fulfillmentLines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  withCollections?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  withReasons?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  reasonHandles?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input']>;
  reasons?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  withEmail?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type OrderSnapshotQuery = { shop?: (
    Pick<AdminTypes.Shop, 'currencyCode' | 'ianaTimezone'>
    & { shopAddress: Pick<AdminTypes.ShopAddress, 'countryCodeV2'> }
  ), order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'processedAt' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'sourceName'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'numberOfOrders'>>, customerName?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'displayName'>>, customerEmail?: AdminTypes.Maybe<{ defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>> }>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'countryCodeV2'>>, attribution?: AdminTypes.Maybe<Pick<AdminTypes.OrderAttribution, 'handle' | 'displayName'>>, app?: AdminTypes.Maybe<Pick<AdminTypes.OrderApp, 'name'>>, netPaymentSet?: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalPriceSet?: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'currentQuantity' | 'isGiftCard'>
        & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, discountedUnitPriceAfterAllDiscountsSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, taxLines: Array<{ priceSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }>, discountAllocations: Array<{ discountApplication: { __typename: 'AutomaticDiscountApplication' | 'DiscountCodeApplication' | 'ManualDiscountApplication' | 'ScriptDiscountApplication' } }>, image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url' | 'altText'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'compareAtPrice'>>, product?: AdminTypes.Maybe<(
          Pick<AdminTypes.Product, 'productType' | 'vendor' | 'tags' | 'isGiftCard'>
          & { collections?: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<Pick<AdminTypes.Collection, 'handle'>> } }
        )> }
      )> }, fulfillmentsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, fulfillments?: Array<(
      Pick<AdminTypes.Fulfillment, 'status' | 'createdAt' | 'deliveredAt'>
      & { fulfillmentLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )> }
  )>, returnableFulfillments?: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<{ returnableFulfillmentLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
          Pick<AdminTypes.ReturnableFulfillmentLineItem, 'quantity'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        )> } }> }, returnReasonDefinitions?: { nodes: Array<Pick<AdminTypes.ReturnReasonDefinition, 'id' | 'handle' | 'deleted'>> } };

export type OrdersCountForAnalyticsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrdersCountForAnalyticsQuery = { ordersCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

export type OrdersDeliveredUnitsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrdersDeliveredUnitsQuery = { orders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
      & { lineItems: { nodes: Array<Pick<AdminTypes.LineItem, 'title' | 'quantity' | 'unfulfilledQuantity'>> } }
    )> } };

export type ProductForTermsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ProductForTermsQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'tags' | 'productType' | 'vendor' | 'isGiftCard'>
    & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'handle'>> }, variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'price' | 'compareAtPrice'>> }, metafield?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> }
  )> };

export type ProductsForTermsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProductsForTermsQuery = { products: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'tags' | 'productType' | 'vendor' | 'isGiftCard'>
      & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'handle'>> }, variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'price' | 'compareAtPrice'>> }, metafield?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> }
    )> } };

export type RefundCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
  idempotencyKey: AdminTypes.Scalars['String']['input'];
}>;


export type RefundCreateMutation = { refundCreate?: AdminTypes.Maybe<{ refund?: AdminTypes.Maybe<(
      Pick<AdminTypes.Refund, 'id' | 'createdAt' | 'note'>
      & { totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ReturnApproveRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnApproveRequestInput;
}>;


export type ReturnApproveRequestMutation = { returnApproveRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status' | 'requestApprovedAt'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnCancelMutation = { returnCancel?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnCloseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnCloseMutation = { returnClose?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status' | 'closedAt'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnCreateExchangeMutationVariables = AdminTypes.Exact<{
  returnInput: AdminTypes.ReturnInput;
}>;


export type ReturnCreateExchangeMutation = { returnCreate?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'variantId' | 'quantity'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnDeclineRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnDeclineRequestInput;
}>;


export type ReturnDeclineRequestMutation = { returnDeclineRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'status'>
      & { decline?: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>> }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnForStaffQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  reverseOrders?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  full?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  exchange?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type ReturnForStaffQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status' | 'requestApprovedAt' | 'closedAt'>
    & { decline?: AdminTypes.Maybe<Pick<AdminTypes.ReturnDecline, 'reason' | 'note'>>, order: (
      Pick<AdminTypes.Order, 'id' | 'name' | 'currencyCode' | 'presentmentCurrencyCode'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, transactions: Array<(
        Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
        & { amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>> }
      )> }
    ), returnLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'unprocessedQuantity' | 'customerNote'>
        & { fulfillmentLineItem: (
          Pick<AdminTypes.FulfillmentLineItem, 'id'>
          & { lineItem?: Pick<AdminTypes.LineItem, 'id'> }
        ), returnReasonDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'handle'>> }
      ) | (
        Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'unprocessedQuantity' | 'customerNote'>
        & { returnReasonDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ReturnReasonDefinition, 'handle'>> }
      )> }, reverseFulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
        & { lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
            Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
            & { fulfillmentLineItem?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentLineItem, 'id'>> }
          )> }, reverseDeliveries?: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
      )> }, exchangeLineItems?: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'variantId' | 'unprocessedQuantity'>> }, refunds?: { nodes: Array<(
        Pick<AdminTypes.Refund, 'id' | 'createdAt'>
        & { totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> } }
  )>, location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> };

export type ReturnProcessMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnProcessInput;
}>;


export type ReturnProcessMutation = { returnProcess?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'status'>
      & { refunds: { nodes: Array<(
          Pick<AdminTypes.Refund, 'id' | 'createdAt'>
          & { totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnRequestInput;
}>;


export type ReturnRequestMutation = { returnRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'name' | 'status' | 'totalQuantity'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsMoneyQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
  refunds?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  lines?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type ReturnsMoneyQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'status'>
    & { refunds: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.Refund, 'id'>
        & { totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> }, returnShippingFees: Array<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }>, returnLineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<{ restockingFee?: AdminTypes.Maybe<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }> }> }, order: (
      Pick<AdminTypes.Order, 'id'>
      & { refunds: Array<(
        Pick<AdminTypes.Refund, 'id'>
        & { return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id'>>, totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, refundLineItems: { nodes: Array<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> } }
      )> }
    ) }
  )>> };

export type ReverseDeliveryCreateWithShippingMutationVariables = AdminTypes.Exact<{
  reverseFulfillmentOrderId: AdminTypes.Scalars['ID']['input'];
  reverseDeliveryLineItems: Array<AdminTypes.ReverseDeliveryLineItemInput> | AdminTypes.ReverseDeliveryLineItemInput;
  trackingInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryTrackingInput>;
  labelInput?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryLabelInput>;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type ReverseDeliveryCreateWithShippingMutation = { reverseDeliveryCreateWithShipping?: AdminTypes.Maybe<{ reverseDelivery?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDelivery, 'id'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: (
    Pick<AdminTypes.Shop, 'id' | 'name' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone' | 'contactEmail'>
    & { shopAddress: Pick<AdminTypes.ShopAddress, 'countryCodeV2'> }
  ) };

export type ShopTermsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopTermsQuery = { shop: (
    Pick<AdminTypes.Shop, 'id'>
    & { metafield?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> }
  ) };

export type StagedUploadsCreateMutationVariables = AdminTypes.Exact<{
  input: Array<AdminTypes.StagedUploadInput> | AdminTypes.StagedUploadInput;
}>;


export type StagedUploadsCreateMutation = { stagedUploadsCreate?: AdminTypes.Maybe<{ stagedTargets?: AdminTypes.Maybe<Array<(
      Pick<AdminTypes.StagedMediaUploadTarget, 'url' | 'resourceUrl'>
      & { parameters: Array<Pick<AdminTypes.StagedUploadParameter, 'name' | 'value'>> }
    )>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type StoreCreditBonusCreditMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  creditInput: AdminTypes.StoreCreditAccountCreditInput;
}>;


export type StoreCreditBonusCreditMutation = { storeCreditAccountCredit?: AdminTypes.Maybe<{ storeCreditAccountTransaction?: AdminTypes.Maybe<(
      Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'createdAt'>
      & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, userErrors: Array<Pick<AdminTypes.StoreCreditAccountCreditUserError, 'field' | 'message' | 'code'>> }> };

export type StoreCreditBonusReadsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type StoreCreditBonusReadsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'event'>
    & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, account: (
      Pick<AdminTypes.StoreCreditAccount, 'id'>
      & { owner: Pick<AdminTypes.Customer, 'id'> }
    ) }
  )>> };

export type StoreCreditCreditsQueryVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
  accountQuery: AdminTypes.Scalars['String']['input'];
  first?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
}>;


export type StoreCreditCreditsQuery = { customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id'>
    & { storeCreditAccounts: { nodes: Array<(
        Pick<AdminTypes.StoreCreditAccount, 'id'>
        & { transactions: { nodes: Array<(
            Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'createdAt' | 'event'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          )> } }
      )> } }
  )> };

interface GeneratedQueryTypes {
  "#graphql\n  query BlockedCustomers($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Customer {\n        id\n        lastOrder {\n          name\n        }\n      }\n    }\n  }\n": {return: BlockedCustomersQuery, variables: BlockedCustomersQueryVariables},
  "#graphql\n  query ExchangeItemsStock($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        inventoryQuantity\n      }\n    }\n  }\n": {return: ExchangeItemsStockQuery, variables: ExchangeItemsStockQueryVariables},
  "#graphql\n  query ExchangeOptions($id: ID!, $lines: Int = 20, $variants: Int = 20) {\n    order(id: $id) {\n      id\n      currencyCode\n      presentmentCurrencyCode\n      lineItems(first: $lines) {\n        nodes {\n          id\n          variant {\n            id\n          }\n          product {\n            id\n            title\n            productType\n            variants(first: $variants) {\n              nodes {\n                id\n                title\n                price\n                inventoryQuantity\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ExchangeOptionsQuery, variables: ExchangeOptionsQueryVariables},
  "#graphql\n  query ExchangeOtherProducts($query: String!, $first: Int = 10, $variants: Int = 8) {\n    products(first: $first, query: $query, sortKey: TITLE) {\n      nodes {\n        id\n        title\n        variants(first: $variants) {\n          nodes {\n            id\n            title\n            price\n            inventoryQuantity\n          }\n        }\n      }\n    }\n  }\n": {return: ExchangeOtherProductsQuery, variables: ExchangeOtherProductsQueryVariables},
  "#graphql\n  query ExchangeStatus($id: ID!, $fulfillments: Int = 10, $fulfillmentLines: Int = 20) {\n    return(id: $id) {\n      id\n      exchangeLineItems(first: 20) {\n        nodes {\n          id\n          processedQuantity\n          lineItems {\n            id\n          }\n        }\n      }\n      order {\n        id\n        fulfillments(first: $fulfillments) {\n          id\n          displayStatus\n          createdAt\n          trackingInfo(first: 5) {\n            number\n            company\n            url\n          }\n          fulfillmentLineItems(first: $fulfillmentLines) {\n            nodes {\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ExchangeStatusQuery, variables: ExchangeStatusQueryVariables},
  "#graphql\n  query OrderExchangeReturns($id: ID!) {\n    order(id: $id) {\n      id\n      returns(first: 10, reverse: true) {\n        nodes {\n          id\n          status\n          createdAt\n          returnLineItems(first: 20) {\n            nodes {\n              quantity\n              ... on ReturnLineItem {\n                fulfillmentLineItem {\n                  id\n                }\n              }\n            }\n          }\n          exchangeLineItems(first: 20) {\n            nodes {\n              id\n              variantId\n              quantity\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderExchangeReturnsQuery, variables: OrderExchangeReturnsQueryVariables},
  "#graphql\n  query OrderIdByName($query: String!) {\n    orders(first: 1, query: $query) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": {return: OrderIdByNameQuery, variables: OrderIdByNameQueryVariables},
  "#graphql\n  query OrderIdsByEmail($query: String!) {\n    orders(first: 100, query: $query, sortKey: CREATED_AT, reverse: true) {\n      nodes {\n        id\n      }\n    }\n  }\n": {return: OrderIdsByEmailQuery, variables: OrderIdsByEmailQueryVariables},
  "#graphql\n  query OrderReturns($id: ID!, $lines: Int = 20) {\n    order(id: $id) {\n      id\n      returns(first: 10, reverse: true) {\n        nodes {\n          id\n          status\n          createdAt\n          returnLineItems(first: $lines) {\n            pageInfo {\n              hasNextPage\n            }\n            nodes {\n              quantity\n              customerNote\n              ... on ReturnLineItem {\n                fulfillmentLineItem {\n                  id\n                }\n                returnReasonDefinition {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderReturnsQuery, variables: OrderReturnsQueryVariables},
  "#graphql\n  query OrderSnapshot(\n    $id: ID!\n    $lineItemsAfter: String\n    $withOrderParts: Boolean = true\n    $lines: Int = 20\n    $fulfillments: Int = 5\n    $fulfillmentLines: Int = 25\n    $withCollections: Boolean = true\n    $withReasons: Boolean = false\n    $reasonHandles: [String!] = []\n    $reasons: Int = 1\n    $withEmail: Boolean = false\n  ) {\n    shop @include(if: $withOrderParts) {\n      currencyCode\n      ianaTimezone\n      shopAddress {\n        countryCodeV2\n      }\n    }\n    order(id: $id) {\n      id\n      name\n      processedAt\n      createdAt\n      updatedAt\n      cancelledAt\n      currencyCode\n      presentmentCurrencyCode\n      taxesIncluded\n      sourceName\n      customer {\n        id\n        numberOfOrders\n      }\n      customerName: customer @include(if: $withOrderParts) {\n        displayName\n      }\n      customerEmail: customer @include(if: $withEmail) {\n        defaultEmailAddress {\n          emailAddress\n        }\n      }\n      shippingAddress @include(if: $withOrderParts) {\n        countryCodeV2\n      }\n      attribution @include(if: $withOrderParts) {\n        handle\n        displayName\n      }\n      app @include(if: $withOrderParts) {\n        name\n      }\n      netPaymentSet @include(if: $withOrderParts) {\n        presentmentMoney {\n          amount\n        }\n      }\n      totalPriceSet @include(if: $withOrderParts) {\n        shopMoney {\n          amount\n        }\n        presentmentMoney {\n          amount\n        }\n      }\n      lineItems(first: $lines, after: $lineItemsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          title\n          sku\n          quantity\n          currentQuantity\n          isGiftCard\n          customAttributes {\n            key\n            value\n          }\n          originalUnitPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          discountedUnitPriceAfterAllDiscountsSet {\n            presentmentMoney {\n              amount\n            }\n          }\n          taxLines {\n            priceSet {\n              presentmentMoney {\n                amount\n              }\n            }\n          }\n          discountAllocations {\n            discountApplication {\n              __typename\n            }\n          }\n          image {\n            url\n            altText\n          }\n          variant {\n            compareAtPrice\n          }\n          product {\n            productType\n            vendor\n            tags\n            isGiftCard\n            collections(first: 10) @include(if: $withCollections) {\n              pageInfo {\n                hasNextPage\n              }\n              nodes {\n                handle\n              }\n            }\n          }\n        }\n      }\n      fulfillmentsCount @include(if: $withOrderParts) {\n        count\n      }\n      fulfillments(first: $fulfillments) @include(if: $withOrderParts) {\n        status\n        createdAt\n        deliveredAt\n        fulfillmentLineItems(first: $fulfillmentLines) {\n          pageInfo {\n            hasNextPage\n          }\n          nodes {\n            id\n            quantity\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    returnableFulfillments(orderId: $id, first: $fulfillments) @include(if: $withOrderParts) {\n      pageInfo {\n        hasNextPage\n      }\n      nodes {\n        returnableFulfillmentLineItems(first: $fulfillmentLines) {\n          pageInfo {\n            hasNextPage\n          }\n          nodes {\n            quantity\n            fulfillmentLineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    returnReasonDefinitions(first: $reasons, handles: $reasonHandles) @include(if: $withReasons) {\n      nodes {\n        id\n        handle\n        deleted\n      }\n    }\n  }\n": {return: OrderSnapshotQuery, variables: OrderSnapshotQueryVariables},
  "#graphql\n  query OrdersCountForAnalytics($query: String!) {\n    ordersCount(query: $query, limit: null) {\n      count\n      precision\n    }\n  }\n": {return: OrdersCountForAnalyticsQuery, variables: OrdersCountForAnalyticsQueryVariables},
  "#graphql\n  query OrdersDeliveredUnits($query: String!, $after: String) {\n    orders(first: 20, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        cancelledAt\n        lineItems(first: 40) {\n          nodes {\n            title\n            quantity\n            unfulfilledQuantity\n          }\n        }\n      }\n    }\n  }\n": {return: OrdersDeliveredUnitsQuery, variables: OrdersDeliveredUnitsQueryVariables},
  "#graphql\n  query ProductForTerms($id: ID!) {\n    product(id: $id) {\n      id\n      tags\n      productType\n      vendor\n      isGiftCard\n      collections(first: 10) {\n        nodes {\n          handle\n        }\n      }\n      variants(first: 10) {\n        nodes {\n          price\n          compareAtPrice\n        }\n      }\n      metafield(namespace: \"$app:returns\", key: \"terms\") {\n        value\n      }\n    }\n  }\n": {return: ProductForTermsQuery, variables: ProductForTermsQueryVariables},
  "#graphql\n  query ProductsForTerms($first: Int!, $after: String) {\n    products(first: $first, after: $after, sortKey: ID) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        tags\n        productType\n        vendor\n        isGiftCard\n        collections(first: 10) {\n          nodes {\n            handle\n          }\n        }\n        variants(first: 10) {\n          nodes {\n            price\n            compareAtPrice\n          }\n        }\n        metafield(namespace: \"$app:returns\", key: \"terms\") {\n          value\n        }\n      }\n    }\n  }\n": {return: ProductsForTermsQuery, variables: ProductsForTermsQueryVariables},
  "#graphql\n  query ReturnForStaff($id: ID!, $lines: Int = 50, $reverseOrders: Int = 5, $full: Boolean = true, $exchange: Boolean = false) {\n    return(id: $id) {\n      id\n      name\n      status\n      requestApprovedAt\n      closedAt\n      decline @include(if: $full) {\n        reason\n        note\n      }\n      order {\n        id\n        name\n        currencyCode\n        presentmentCurrencyCode\n        customer {\n          id\n        }\n        transactions(first: 20) {\n          id\n          kind\n          status\n          gateway\n          amountSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n          parentTransaction {\n            id\n          }\n        }\n      }\n      returnLineItems(first: $lines) {\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          quantity\n          processedQuantity\n          unprocessedQuantity\n          customerNote\n          returnReasonDefinition @include(if: $full) {\n            handle\n          }\n          ... on ReturnLineItem {\n            fulfillmentLineItem {\n              id\n              lineItem @include(if: $full) {\n                id\n              }\n            }\n          }\n        }\n      }\n      reverseFulfillmentOrders(first: $reverseOrders) {\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          lineItems(first: $lines) {\n            pageInfo {\n              hasNextPage\n            }\n            nodes {\n              id\n              totalQuantity\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n          reverseDeliveries(first: 5) @include(if: $full) {\n            nodes {\n              id\n            }\n          }\n        }\n      }\n      exchangeLineItems(first: 20) @include(if: $exchange) {\n        nodes {\n          id\n          variantId\n          unprocessedQuantity\n        }\n      }\n      refunds(first: 10) @include(if: $full) {\n        nodes {\n          id\n          createdAt\n          totalRefundedSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n    }\n    location {\n      id\n    }\n  }\n": {return: ReturnForStaffQuery, variables: ReturnForStaffQueryVariables},
  "#graphql\n  query ReturnsMoney($ids: [ID!]!, $refunds: Int = 3, $lines: Int = 5) {\n    nodes(ids: $ids) {\n      ... on Return {\n        id\n        status\n        refunds(first: $refunds) {\n          pageInfo {\n            hasNextPage\n          }\n          nodes {\n            id\n            totalRefundedSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n        returnShippingFees {\n          amountSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n        returnLineItems(first: $lines) {\n          pageInfo {\n            hasNextPage\n          }\n          nodes {\n            ... on ReturnLineItem {\n              restockingFee {\n                amountSet {\n                  presentmentMoney {\n                    amount\n                    currencyCode\n                  }\n                }\n              }\n            }\n          }\n        }\n        order {\n          id\n          refunds(first: $refunds) {\n            id\n            return {\n              id\n            }\n            totalRefundedSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n            refundLineItems(first: $lines) {\n              nodes {\n                lineItem {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReturnsMoneyQuery, variables: ReturnsMoneyQueryVariables},
  "#graphql\n  query ShopInfo {\n    shop {\n      id\n      name\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      contactEmail\n      shopAddress {\n        countryCodeV2\n      }\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
  "#graphql\n  query ShopTerms {\n    shop {\n      id\n      metafield(namespace: \"$app:returns\", key: \"terms\") {\n        value\n      }\n    }\n  }\n": {return: ShopTermsQuery, variables: ShopTermsQueryVariables},
  "#graphql\n  query StoreCreditBonusReads($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on StoreCreditAccountCreditTransaction {\n        id\n        event\n        amount {\n          amount\n          currencyCode\n        }\n        account {\n          id\n          owner {\n            ... on Customer {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: StoreCreditBonusReadsQuery, variables: StoreCreditBonusReadsQueryVariables},
  "#graphql\n  query StoreCreditCredits($customerId: ID!, $accountQuery: String!, $first: Int = 25) {\n    customer(id: $customerId) {\n      id\n      storeCreditAccounts(first: 1, query: $accountQuery) {\n        nodes {\n          id\n          transactions(first: $first, reverse: true, query: \"type:credit\") {\n            nodes {\n              ... on StoreCreditAccountCreditTransaction {\n                id\n                createdAt\n                event\n                amount {\n                  amount\n                  currencyCode\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: StoreCreditCreditsQuery, variables: StoreCreditCreditsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation FileCreate($files: [FileCreateInput!]!) {\n    fileCreate(files: $files) {\n      files {\n        id\n        fileStatus\n        ... on MediaImage {\n          image {\n            url\n          }\n        }\n        ... on GenericFile {\n          url\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: FileCreateMutation, variables: FileCreateMutationVariables},
  "#graphql\n  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n        namespace\n        key\n        value\n        type\n        compareDigest\n      }\n      userErrors {\n        field\n        message\n        code\n        elementIndex\n      }\n    }\n  }\n": {return: MetafieldsSetMutation, variables: MetafieldsSetMutationVariables},
  "#graphql\n  mutation RefundCreate($input: RefundInput!, $idempotencyKey: String!) {\n    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {\n      refund {\n        id\n        createdAt\n        note\n        totalRefundedSet {\n          shopMoney {\n            amount\n            currencyCode\n          }\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: RefundCreateMutation, variables: RefundCreateMutationVariables},
  "#graphql\n  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {\n    returnApproveRequest(input: $input) {\n      return {\n        id\n        status\n        requestApprovedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnApproveRequestMutation, variables: ReturnApproveRequestMutationVariables},
  "#graphql\n  mutation ReturnCancel($id: ID!) {\n    returnCancel(id: $id) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnCancelMutation, variables: ReturnCancelMutationVariables},
  "#graphql\n  mutation ReturnClose($id: ID!) {\n    returnClose(id: $id) {\n      return {\n        id\n        status\n        closedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnCloseMutation, variables: ReturnCloseMutationVariables},
  "#graphql\n  mutation ReturnCreateExchange($returnInput: ReturnInput!) {\n    returnCreate(returnInput: $returnInput) {\n      return {\n        id\n        name\n        status\n        exchangeLineItems(first: 20) {\n          nodes {\n            id\n            variantId\n            quantity\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnCreateExchangeMutation, variables: ReturnCreateExchangeMutationVariables},
  "#graphql\n  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {\n    returnDeclineRequest(input: $input) {\n      return {\n        id\n        status\n        decline {\n          reason\n          note\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnDeclineRequestMutation, variables: ReturnDeclineRequestMutationVariables},
  "#graphql\n  mutation ReturnProcess($input: ReturnProcessInput!) {\n    returnProcess(input: $input) {\n      return {\n        id\n        status\n        refunds(first: 5) {\n          nodes {\n            id\n            createdAt\n            totalRefundedSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnProcessMutation, variables: ReturnProcessMutationVariables},
  "#graphql\n  mutation ReturnRequest($input: ReturnRequestInput!) {\n    returnRequest(input: $input) {\n      return {\n        id\n        name\n        status\n        totalQuantity\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnRequestMutation, variables: ReturnRequestMutationVariables},
  "#graphql\n  mutation ReverseDeliveryCreateWithShipping(\n    $reverseFulfillmentOrderId: ID!\n    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!\n    $trackingInput: ReverseDeliveryTrackingInput\n    $labelInput: ReverseDeliveryLabelInput\n    $notifyCustomer: Boolean\n  ) {\n    reverseDeliveryCreateWithShipping(\n      reverseFulfillmentOrderId: $reverseFulfillmentOrderId\n      reverseDeliveryLineItems: $reverseDeliveryLineItems\n      trackingInput: $trackingInput\n      labelInput: $labelInput\n      notifyCustomer: $notifyCustomer\n    ) {\n      reverseDelivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReverseDeliveryCreateWithShippingMutation, variables: ReverseDeliveryCreateWithShippingMutationVariables},
  "#graphql\n  mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {\n    stagedUploadsCreate(input: $input) {\n      stagedTargets {\n        url\n        resourceUrl\n        parameters {\n          name\n          value\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: StagedUploadsCreateMutation, variables: StagedUploadsCreateMutationVariables},
  "#graphql\n  mutation StoreCreditBonusCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {\n    storeCreditAccountCredit(id: $id, creditInput: $creditInput) {\n      storeCreditAccountTransaction {\n        id\n        createdAt\n        amount {\n          amount\n          currencyCode\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: StoreCreditBonusCreditMutation, variables: StoreCreditBonusCreditMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
