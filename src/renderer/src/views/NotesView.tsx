import { SimpleView } from './SimpleView';

export default function NotesView() {
  return <SimpleView name="notes" />;
}
