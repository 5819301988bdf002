import { SimpleView } from './SimpleView';

export default function SearchView() {
  return <SimpleView name="search" />;
}
