package tfe

import (
	"encoding/json"
	"testing"
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
		if err != nil || string(got) != tc.want {
			t.Errorf("%+v marshals to %s (%v), want %s", tc.in, got, err, tc.want)
		}
		var back body
		if err := json.Unmarshal(got, &back); err != nil || back.Pool != tc.in {
			t.Errorf("%s unmarshals to %+v (%v)", got, back.Pool, err)
		}
	}
	v, ok := NullableOf(3).Get()
	if !ok || v != 3 || !NullableOf(3).IsSet() || NullableOf(3).IsNull() {
		t.Error("value state")
	}
	if _, ok := Null[int]().Get(); ok || !Null[int]().IsNull() || !Null[int]().IsSet() {
		t.Error("null state")
	}
	if (Nullable[int]{}).IsSet() || (Nullable[int]{}).IsNull() {
		t.Error("unset state")
	}
	var n Nullable[int]
	if err := json.Unmarshal([]byte(`"x"`), &n); err == nil {
		t.Error("a string into Nullable[int] should fail")
	}
	if b, _ := (Nullable[int]{}).MarshalJSON(); string(b) != "null" {
		t.Errorf("unset alone = %s", b)
	}
	if *Ptr("x") != "x" {
		t.Error("Ptr")
	}
}
