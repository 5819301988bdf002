import { Route, Switch } from 'wouter';
import { ItemsListPage } from '../photos/ItemsListPage';
import { ItemPage } from '../photos/ItemPage';
import { PhotoViewerRoute } from '../photos/viewer/PhotoViewerRoute';
import '../photos/photos.css';

/**
 * Photographs and scans grouped into items (nested under #/items): the list with "Add photos…", an
 * item's page, and one photo of an item (`/items/<itemId>/photos/<sha256>`, the viewer's route).
 */
export default function ItemsView() {
  return (
    <Switch>
      <Route path="/">
        <ItemsListPage />
      </Route>
      <Route path="/:itemId/photos/:sha256/*?">
        {(params) => <PhotoViewerRoute itemId={params.itemId} sha256={params.sha256} rest={params['*']} />}
      </Route>
      <Route path="/:itemId">{(params) => <ItemPage itemId={params.itemId} />}</Route>
    </Switch>
  );
}
