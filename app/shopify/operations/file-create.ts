/**
 * Turns shoppers' staged uploads (resourceUrl from stagedUploadsCreate) into files in the shop's
 * Files, so evidence photos live at Shopify, never on the app's disk.
 */
export const FILE_CREATE = `#graphql
  mutation FileCreate($files: [FileCreateInput!]!) {
    fileCreate(files: $files) {
      files {
        id
        fileStatus
        ... on MediaImage {
          image {
            url
          }
        }
        ... on GenericFile {
          url
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
