package unionfind

import "testing"

func TestSmallestMemberRepresents(t *testing.T) {
	s := New(6)
	s.Union(4, 2)
	s.Union(5, 4)
	s.Union(1, 3)
	for i, want := range []int{0, 1, 2, 1, 2, 2} {
		if got := s.Find(i); got != want {
			t.Errorf("Find(%d) = %d, want %d", i, got, want)
		}
	}
}
