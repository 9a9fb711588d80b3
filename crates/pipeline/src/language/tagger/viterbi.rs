//! The best label sequence of a linear-chain CRF (Viterbi): from each token's state
//! scores and the label-to-label transition scores. Ties go to the lower label, at each
//! step and at the end, as in CRFsuite.

/// The labels, as numbers, of the highest-scoring path through `states` (`[token][label]`,
/// `labels` per token) under `transitions` (`[from][to]`).
pub fn best_path(states: &[f64], transitions: &[f64], labels: usize) -> Vec<usize> {
    let tokens = states.len() / labels;
    if tokens == 0 {
        return Vec::new();
    }
    let mut score = states[..labels].to_vec();
    let mut next = vec![0.0; labels];
    let mut back = vec![0usize; tokens * labels];
    for t in 1..tokens {
        for j in 0..labels {
            let (mut best, mut from) = (f64::MIN, 0);
            for (i, &s) in score.iter().enumerate() {
                let candidate = s + transitions[i * labels + j];
                if best < candidate {
                    (best, from) = (candidate, i);
                }
            }
            back[t * labels + j] = from;
            next[j] = best + states[t * labels + j];
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut last = 0;
    let mut best = f64::MIN;
    for (i, &s) in score.iter().enumerate() {
        if best < s {
            (best, last) = (s, i);
        }
    }
    let mut path = vec![last; tokens];
    for t in (0..tokens - 1).rev() {
        path[t] = back[(t + 1) * labels + path[t + 1]];
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strong_transition_outweighs_a_weak_state() {
        // Two labels; the second token slightly prefers 0, but 1 → 1 is worth much more.
        let states = [0.0, 1.0, 0.6, 0.5];
        assert_eq!(best_path(&states, &[0.0, 0.0, 0.0, 0.0], 2), vec![1, 0]);
        assert_eq!(best_path(&states, &[0.0, 0.0, 0.0, 2.0], 2), vec![1, 1]);
    }

    #[test]
    fn ties_go_to_the_lower_label() {
        assert_eq!(best_path(&[1.0, 1.0, 2.0, 2.0], &[0.0; 4], 2), vec![0, 0]);
        assert!(best_path(&[], &[0.0; 4], 2).is_empty());
    }
}
