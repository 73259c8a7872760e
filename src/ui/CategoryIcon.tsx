import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { Category } from "../model/types.ts";

/** The category's shape in its colour: the same path the map draws. Decorative (aria-hidden). */
export function CategoryIcon(props: { category: Category; size?: number }) {
  const style = () => CATEGORY_STYLE[props.category] ?? CATEGORY_STYLE.statement;
  return (
    <svg class="cat-icon" width={props.size ?? 16} height={props.size ?? 16} viewBox="-1 -1 26 26" aria-hidden="true">
      <path d={style().shape} fill={style().color} stroke="#fff" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
