/** The viewer's buttons and sliders; each names its shortcut (shortcuts.ts) in its accessible name. */
import { useTranslation } from 'react-i18next';
import type { DrawMode } from './RegionLayer';
import { keysOf, type ViewerAction } from './shortcuts';
import type { StageLook } from './use-stage';
import { ADJUSTMENT_RANGE } from './view-state';

export function ViewerToolbar({
  look,
  mode,
  onAction,
  onLook,
}: {
  look: StageLook;
  mode: DrawMode;
  onAction: (action: ViewerAction) => void;
  onLook: (patch: Partial<StageLook>) => void;
}) {
  const { t } = useTranslation();
  const button = (action: ViewerAction, pressed?: boolean) => (
    <button
      type="button"
      onClick={() => onAction(action)}
      aria-keyshortcuts={keysOf(action).replace('Esc', 'Escape')}
      title={`${t(`photoViewer.action.${action}`)} (${keysOf(action)})`}
      {...(pressed !== undefined ? { 'aria-pressed': pressed } : {})}
    >
      {t(`photoViewer.action.${action}`)}
    </button>
  );
  const slider = (name: 'brightness' | 'contrast') => (
    <label className="viewer-slider">
      {t(`photoViewer.${name}`)}
      <input
        type="range"
        min={ADJUSTMENT_RANGE.min}
        max={ADJUSTMENT_RANGE.max}
        step={0.05}
        value={look[name]}
        onChange={(event) => onLook({ [name]: Number(event.target.value) })}
      />
    </label>
  );
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t('photoViewer.toolbar')}>
      <div className="viewer-group">
        {button('zoomIn')}
        {button('zoomOut')}
        {button('fitWidth')}
        {button('fitPage')}
      </div>
      <div className="viewer-group">
        {button('rotateLeft')}
        {button('rotateRight')}
        <label className="viewer-slider">
          {t('photoViewer.rotation')}
          <input
            type="range"
            min={0}
            max={359}
            step={0.5}
            value={look.rotation}
            onChange={(event) => onLook({ rotation: Number(event.target.value) })}
          />
        </label>
        <output>{t('photoViewer.degrees', { value: look.rotation })}</output>
        {button('flip', look.flipped)}
      </div>
      <div className="viewer-group">
        {slider('brightness')}
        {slider('contrast')}
        {button('invert', look.invert)}
        {button('resetAdjustments')}
      </div>
      <div className="viewer-group">
        {button('drawRectangle', mode === 'rectangle')}
        {button('drawPolygon', mode === 'polygon')}
      </div>
    </div>
  );
}
