import { SimpleView } from './SimpleView';

export default function BibliographyView() {
  return <SimpleView name="bibliography" />;
}
