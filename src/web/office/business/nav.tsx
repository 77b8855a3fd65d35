import { NavLink } from 'react-router';
import { useBusinessT } from './text.js';

/** The two business screens, linked to each other. */
export function BusinessNav() {
  const b = useBusinessT();
  return (
    <nav aria-label={b('office.tabsLabel')}>
      <ul className="business-subnav">
        <li>
          <NavLink className="ds-link" to="/business" end>
            {b('office.employersTitle')}
          </NavLink>
        </li>
        <li>
          <NavLink className="ds-link" to="/business/start-her">
            {b('office.startupsTitle')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
