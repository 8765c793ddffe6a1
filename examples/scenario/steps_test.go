package scenario_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tfe-sdk/tfe/examples/scenario"
)

func TestSteps(t *testing.T) {
	var out bytes.Buffer
	s := scenario.NewSteps(&out, 3)
	s.Begin("first")
	s.Done("%d things", 2)
	s.Begin("second")
	s.Skip("not here")
	s.Begin("third")
	cause := errors.New("broken")
	err := s.Fail(cause)
	assert.Equal(t, "✓ 1/3 first: 2 things\n- 2/3 second: skipped, not here\n✗ 3/3 third: broken\n", out.String())
	assert.EqualError(t, err, "step 3/3 (third): broken")
	assert.ErrorIs(t, err, cause)
}
