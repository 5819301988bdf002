import { SimpleView } from './SimpleView';

export default function ReaderView() {
  return <SimpleView name="reader" />;
}
