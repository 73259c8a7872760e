import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { Category } from "../model/types.ts";

/**
 * The category's shape in its colour: the same path the map draws. Decorative (aria-hidden).
 * `expected`: hollow, with a dashed outline, as the map draws events that are only announced.
 */
export function CategoryIcon(props: { category: Category; size?: number; expected?: boolean }) {
  const style = () => CATEGORY_STYLE[props.category] ?? CATEGORY_STYLE.statement;
  return (
    <svg
      class="cat-icon"
      classList={{ expected: !!props.expected }}
      width={props.size ?? 16}
      height={props.size ?? 16}
      viewBox="-1 -1 26 26"
      aria-hidden="true"
    >
      {props.expected ? (
        <path
          d={style().shape}
          fill="#fff"
          stroke={style().color}
          stroke-width="2.5"
          stroke-dasharray="3 2"
          stroke-linejoin="round"
        />
      ) : (
        <path
          d={style().shape}
          fill={style().color}
          stroke="#fff"
          stroke-width="1.5"
          stroke-linejoin="round"
        />
      )}
    </svg>
  );
}
