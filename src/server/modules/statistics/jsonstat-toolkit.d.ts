// The parts of jsonstat-toolkit 2 that Flytthit uses; the package ships no types.
declare module 'jsonstat-toolkit' {
  export interface JsonStatCell {
    value: unknown;
    status: string | null;
  }

  export interface JsonStatCategory {
    index: number;
    label: string | undefined;
  }

  export interface JsonStatDimension {
    class: 'dimension';
    /** Category ids in cube order. */
    id: string[];
    label: string | null;
    length: number;
    role: string | null;
    Category(id: string | number): JsonStatCategory | null;
  }

  export interface JsonStatNode {
    class: 'bundle' | 'dataset' | 'collection' | 'dimension' | null;
    length: number;
    /** Dataset: dimension ids; bundle: dataset names. */
    id: string[];
    label?: string | null;
    updated?: string | null;
    source?: string | null;
    size?: number[];
    n?: number;
    role?: Record<string, string[] | null> | null;
    extension?: Record<string, unknown> | null;
    error?: unknown;
    Dataset(index: number | string): JsonStatNode | null;
    Dimension(id: string | number): JsonStatDimension | null;
    Unflatten<T>(
      callback: (
        coordinates: Record<string, string>,
        cell: JsonStatCell,
        index: number,
      ) => T | undefined,
    ): T[] | null;
  }

  export default function JSONstat(input: object): JsonStatNode;
}
