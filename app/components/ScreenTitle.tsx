// A screen's title: the admin's title bar shows it; the visually hidden h1 keeps the page's
// outline for assistive tech (the embedded Page draws no heading of its own).
import { TitleBar } from "@shopify/app-bridge-react";
import { Text } from "@shopify/polaris";

export function ScreenTitle({ title }: { title: string }) {
  return (
    <>
      <TitleBar title={title} />
      <Text as="h1" variant="headingLg" visuallyHidden>
        {title}
      </Text>
    </>
  );
}
