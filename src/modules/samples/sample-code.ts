/**
 * Human-readable, stable sample codes that carry their lineage: ingot `I0007`, its second
 * ribbon `I0007-R2`, that ribbon's fifth piece `I0007-R2-P05`.
 */
export const ingotCode = (n: number) => `I${String(n).padStart(4, '0')}`;
export const ribbonCode = (ingot: string, n: number) => `${ingot}-R${n}`;
export const pieceCode = (ribbon: string, n: number) => `${ribbon}-P${String(n).padStart(2, '0')}`;
