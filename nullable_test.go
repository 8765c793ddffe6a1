package tfe

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNullableThreeStates(t *testing.T) {
	type body struct {
		Pool Nullable[string] `json:"pool,omitzero"`
	}
	for _, tc := range []struct {
		in   Nullable[string]
		want string
	}{
		{Nullable[string]{}, `{}`},
		{Null[string](), `{"pool":null}`},
		{NullableOf("apool-1"), `{"pool":"apool-1"}`},
		{NullableOf(""), `{"pool":""}`},
	} {
		got, err := json.Marshal(body{Pool: tc.in})
		assert.NoError(t, err, "marshalling %+v", tc.in)
		assert.Equal(t, tc.want, string(got), "%+v marshals", tc.in)
		var back body
		assert.NoError(t, json.Unmarshal(got, &back), "unmarshalling %s", got)
		assert.Equal(t, tc.in, back.Pool, "%s unmarshals", got)
	}
	v, ok := NullableOf(3).Get()
	assert.True(t, ok, "value state: Get's ok")
	assert.Equal(t, 3, v, "value state: Get's value")
	assert.True(t, NullableOf(3).IsSet(), "value state: IsSet")
	assert.False(t, NullableOf(3).IsNull(), "value state: IsNull")
	_, ok = Null[int]().Get()
	assert.False(t, ok, "null state: Get's ok")
	assert.True(t, Null[int]().IsNull(), "null state: IsNull")
	assert.True(t, Null[int]().IsSet(), "null state: IsSet")
	assert.False(t, (Nullable[int]{}).IsSet(), "unset state: IsSet")
	assert.False(t, (Nullable[int]{}).IsNull(), "unset state: IsNull")
	var n Nullable[int]
	assert.Error(t, json.Unmarshal([]byte(`"x"`), &n), "a string into Nullable[int]")
	b, _ := (Nullable[int]{}).MarshalJSON()
	assert.Equal(t, "null", string(b), "unset alone")
	assert.Equal(t, "x", *Ptr("x"), "Ptr")
}
