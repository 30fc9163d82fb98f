import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AREAS } from './areas.ts';
import { NavIcon } from './NavIcon.tsx';

export function SideNav() {
  const { t } = useTranslation();
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <ul>
        {AREAS.map((area) => (
          <li key={area.id}>
            <NavLink to={area.path} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')} aria-keyshortcuts={area.shortcut ? `Alt+${area.shortcut}` : undefined}>
              <NavIcon area={area.id} />
              <span className="nav-label">{t(`nav.${area.id}`)}</span>
              {area.shortcut && <kbd className="nav-key">Alt+{area.shortcut}</kbd>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
