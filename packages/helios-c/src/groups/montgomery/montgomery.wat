;; Montgomery multiplication modulo a prime of up to 2070 bits, for helios-c's finite-field groups.
;;
;; Numbers are n limbs of 28 bits, least significant first, one limb per 32-bit word, followed by
;; at least 3 zero words (the vector loops read 4 words at a time). With R = 2^(28n) > 4p, `mul`
;; computes a·b·R⁻¹ mod p for a, b < 2p and returns a value below 2p (no final subtraction), by
;; product scanning: column k of a·b + m·p is one dot product of a with b reversed plus one of m
;; with p reversed, accumulated in 64-bit lanes without carries (at most 2n products of 56 bits
;; and a 36-bit carry per column: below 2^64 for n ≤ 74). The running time depends on n only.
;;
;; Build: `node scripts/build-montgomery-wasm.mjs` (writes montgomery-wasm.ts beside this file).
(module
  (memory (export "memory") 1)
  (global $n (mut i32) (i32.const 0))        ;; number of limbs
  (global $n0 (mut i32) (i32.const 0))       ;; −p⁻¹ mod 2^28
  (global $pReversed (mut i32) (i32.const 0)) ;; byte offset of p's limbs in reverse order
  (global $bReversed (mut i32) (i32.const 0)) ;; scratch: b's limbs in reverse order
  (global $m (mut i32) (i32.const 0))        ;; scratch: the Montgomery quotient's limbs

  ;; Sets the modulus (already written, reversed, at pReversed) and the scratch areas.
  (func (export "configure") (param $n i32) (param $n0 i32) (param $pReversed i32) (param $bReversed i32) (param $m i32)
    (global.set $n (local.get $n))
    (global.set $n0 (local.get $n0))
    (global.set $pReversed (local.get $pReversed))
    (global.set $bReversed (local.get $bReversed))
    (global.set $m (local.get $m)))

  ;; Σ x[i]·y[i] + Σ u[i]·v[i] for i < count (rounded up to a multiple of 4), in 64-bit lanes,
  ;; 8 limbs per turn with two accumulators.
  (func $dots (param $x i32) (param $y i32) (param $u i32) (param $v i32) (param $count i32) (result i64)
    (local $sum v128) (local $sum2 v128) (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $end i32)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $x) (local.get $end)))
        (local.set $a (v128.load (local.get $x)))
        (local.set $b (v128.load (local.get $y)))
        (local.set $c (v128.load (local.get $u)))
        (local.set $d (v128.load (local.get $v)))
        (local.set $sum (i64x2.add (local.get $sum) (i64x2.extmul_low_i32x4_u (local.get $a) (local.get $b))))
        (local.set $sum2 (i64x2.add (local.get $sum2) (i64x2.extmul_high_i32x4_u (local.get $a) (local.get $b))))
        (local.set $sum (i64x2.add (local.get $sum) (i64x2.extmul_low_i32x4_u (local.get $c) (local.get $d))))
        (local.set $sum2 (i64x2.add (local.get $sum2) (i64x2.extmul_high_i32x4_u (local.get $c) (local.get $d))))
        (br_if $done (i32.ge_s (i32.add (local.get $x) (i32.const 16)) (local.get $end)))
        (local.set $a (v128.load offset=16 (local.get $x)))
        (local.set $b (v128.load offset=16 (local.get $y)))
        (local.set $c (v128.load offset=16 (local.get $u)))
        (local.set $d (v128.load offset=16 (local.get $v)))
        (local.set $sum (i64x2.add (local.get $sum) (i64x2.extmul_low_i32x4_u (local.get $a) (local.get $b))))
        (local.set $sum2 (i64x2.add (local.get $sum2) (i64x2.extmul_high_i32x4_u (local.get $a) (local.get $b))))
        (local.set $sum (i64x2.add (local.get $sum) (i64x2.extmul_low_i32x4_u (local.get $c) (local.get $d))))
        (local.set $sum2 (i64x2.add (local.get $sum2) (i64x2.extmul_high_i32x4_u (local.get $c) (local.get $d))))
        (local.set $x (i32.add (local.get $x) (i32.const 32)))
        (local.set $y (i32.add (local.get $y) (i32.const 32)))
        (local.set $u (i32.add (local.get $u) (i32.const 32)))
        (local.set $v (i32.add (local.get $v) (i32.const 32)))
        (br $next)))
    (local.set $sum (i64x2.add (local.get $sum) (local.get $sum2)))
    (i64.add (i64x2.extract_lane 0 (local.get $sum)) (i64x2.extract_lane 1 (local.get $sum))))

  ;; r = a·b·R⁻¹ mod p (below 2p); r may be a or b (byte offsets of n-limb numbers).
  (func (export "mul") (param $r i32) (param $a i32) (param $b i32)
    (local $n i32) (local $i i32) (local $k i32) (local $lo i32) (local $count i32) (local $shift i32)
    (local $sum i64) (local $carry i64) (local $mk i32) (local $p0 i64)
    (local $bReversed i32) (local $pReversed i32) (local $m i32)
    (local.set $n (global.get $n))
    (local.set $bReversed (global.get $bReversed))
    (local.set $pReversed (global.get $pReversed))
    (local.set $m (global.get $m))
    (local.set $p0 (i64.load32_u (i32.add (local.get $pReversed) (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))))
    (local.set $i (i32.const 0))
    (loop $reverse
      (i32.store (i32.add (local.get $bReversed) (i32.shl (local.get $i) (i32.const 2)))
        (i32.load (i32.add (local.get $b) (i32.shl (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $i)) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $reverse (i32.lt_u (local.get $i) (local.get $n))))
    ;; m's limbs not yet computed must read as zero in the dot products.
    (memory.fill (local.get $m) (i32.const 0) (i32.shl (local.get $n) (i32.const 2)))
    (local.set $k (i32.const 0))
    (loop $column
      ;; Column k takes a[j]·b[k−j] and m[j]·p[k−j] for lo ≤ j ≤ min(k, n−1).
      (if (i32.lt_u (local.get $k) (local.get $n))
        (then (local.set $lo (i32.const 0)) (local.set $count (i32.add (local.get $k) (i32.const 1))))
        (else
          (local.set $lo (i32.sub (i32.add (local.get $k) (i32.const 1)) (local.get $n)))
          (local.set $count (i32.sub (i32.shl (local.get $n) (i32.const 1)) (i32.add (local.get $k) (i32.const 1))))))
      ;; b[k−j] is bReversed[n−1−k+j]: both operands run forwards.
      (local.set $shift (i32.shl (i32.add (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $k)) (local.get $lo)) (i32.const 2)))
      (local.set $sum
        (i64.add
          (call $dots
            (i32.add (local.get $a) (i32.shl (local.get $lo) (i32.const 2)))
            (i32.add (local.get $bReversed) (local.get $shift))
            (i32.add (local.get $m) (i32.shl (local.get $lo) (i32.const 2)))
            (i32.add (local.get $pReversed) (local.get $shift))
            (local.get $count))
          (local.get $carry)))
      (if (i32.lt_u (local.get $k) (local.get $n))
        (then
          ;; m[k] makes the column's low 28 bits zero.
          (local.set $mk (i32.and (i32.mul (i32.wrap_i64 (local.get $sum)) (global.get $n0)) (i32.const 0x0fffffff)))
          (i32.store (i32.add (local.get $m) (i32.shl (local.get $k) (i32.const 2))) (local.get $mk))
          (local.set $sum (i64.add (local.get $sum) (i64.mul (i64.extend_i32_u (local.get $mk)) (local.get $p0)))))
        (else
          ;; Column k ≥ n gives limb k − n of the result; a[k − n] is no longer read.
          (i32.store (i32.add (local.get $r) (i32.shl (i32.sub (local.get $k) (local.get $n)) (i32.const 2)))
            (i32.and (i32.wrap_i64 (local.get $sum)) (i32.const 0x0fffffff)))))
      (local.set $carry (i64.shr_u (local.get $sum) (i64.const 28)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $column (i32.lt_u (local.get $k) (i32.sub (i32.shl (local.get $n) (i32.const 1)) (i32.const 1)))))
    (i32.store (i32.add (local.get $r) (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))
      (i32.wrap_i64 (local.get $carry))))
)
