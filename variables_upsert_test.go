package tfe

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Upsert of both collections of variables, on the wire; the pipeline
// killed at every step and run again is in upsert_pipeline_test.go.

func TestUpsertDiff(t *testing.T) {
	t.Parallel()
	current := variableAttrs{id: "var-1", key: "k", value: "v", description: "d", category: CategoryEnv}
	secret := current
	secret.sensitive, secret.value = true, ""
	for _, tc := range []struct {
		name    string
		current variableAttrs
		opts    VariableCreateOptions
		want    VariableUpdateOptions
		changed []string
	}{
		{"only key and category", current, VariableCreateOptions{Key: "k", Category: CategoryEnv}, VariableUpdateOptions{}, nil},
		{"the same", current, VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: Ptr("v"), Description: Ptr("d"), HCL: Ptr(false), Sensitive: Ptr(false)}, VariableUpdateOptions{}, nil},
		{"value", current, VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: Ptr("w"), Description: Ptr("d")}, VariableUpdateOptions{Value: Ptr("w")}, []string{"value"}},
		{"description cleared", current, VariableCreateOptions{Key: "k", Category: CategoryEnv, Description: Ptr("")}, VariableUpdateOptions{Description: Ptr("")}, []string{"description"}},
		{"hcl", current, VariableCreateOptions{Key: "k", Category: CategoryEnv, HCL: Ptr(true)}, VariableUpdateOptions{HCL: Ptr(true)}, []string{"hcl"}},
		{"made sensitive: the value goes too", current, VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: Ptr("v"), Sensitive: Ptr(true)},
			VariableUpdateOptions{Value: Ptr("v"), Sensitive: Ptr(true)}, []string{"value", "sensitive"}},
		{"sensitive value: always re-sent", secret, VariableCreateOptions{Key: "k", Category: CategoryEnv, Value: Ptr("s")}, VariableUpdateOptions{Value: Ptr("s")}, []string{"value"}},
		{"sensitive without a value: nothing", secret, VariableCreateOptions{Key: "k", Category: CategoryEnv, Sensitive: Ptr(true)}, VariableUpdateOptions{}, nil},
		{"made non-sensitive: sent, the API decides", secret, VariableCreateOptions{Key: "k", Category: CategoryEnv, Sensitive: Ptr(false)},
			VariableUpdateOptions{Sensitive: Ptr(false)}, []string{"sensitive"}},
	} {
		diff, changed := upsertDiff(tc.current, tc.opts)
		assert.Equal(t, tc.want, diff, tc.name)
		assert.Equal(t, tc.changed, changed, tc.name)
	}
}

func TestVariableCollectionsUpsertCreatesWhatIsMissing(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		op := c.create
		// The same key in the other category is another variable.
		other := op.create.Category
		other = map[CategoryType]CategoryType{CategoryTerraform: CategoryEnv, CategoryEnv: CategoryTerraform}[other]
		listed := ts.expect(exchange{method: "GET", path: c.path(op.parentID), status: 200,
			body: c.varsBody(t, op.parentID, varView{ID: "var-other", Key: op.create.Key, Category: other})})
		created := ts.expect(exchange{method: "POST", path: c.path(op.parentID), golden: op.golden, status: op.status, fixture: op.fixture})

		r, err := c.api.upsert(context.Background(), ts.client, op.parentID, op.create)
		require.NoError(t, err)
		assertServedOnce(t, listed)
		assertServedOnce(t, created)
		assert.Equal(t, upserted{Action: UpsertCreated, Variable: op.want}, r)
	})
}

func TestVariableCollectionsUpsertSendsNothingWhenNothingDiffers(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		existing := varView{ID: "var-2", Key: "region", Value: "eu-west-1", Description: "where", Category: CategoryEnv, Owner: "p-1"}
		ts.expect(exchange{method: "GET", path: c.path("p-1"), status: 200, body: c.varsBody(t, "p-1", numbered(1, "p-1")[0], existing)})

		r, err := c.api.upsert(context.Background(), ts.client, "p-1", VariableCreateOptions{
			Key: "region", Value: Ptr("eu-west-1"), Description: Ptr("where"), Category: CategoryEnv, HCL: Ptr(false), Sensitive: Ptr(false),
		})
		require.NoError(t, err)
		assert.Equal(t, upserted{Action: UpsertUnchanged, Variable: existing}, r)
		assert.Equal(t, 1, ts.count(), "the list alone")
	})
}

func TestVariableCollectionsUpsertUpdatesOnlyWhatDiffers(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		existing := varView{ID: "var-2", Key: "region", Value: "eu-west-1", Description: "where", Category: CategoryEnv, Owner: "p-1"}
		updated := existing
		updated.Value = "us-east-1"
		ts.expect(exchange{method: "GET", path: c.path("p-1"), status: 200, body: c.varsBody(t, "p-1", existing)})
		patched := ts.expect(exchange{method: "PATCH", path: c.path("p-1", "var-2"), golden: c.file("upsert_update.request.json"), status: 200, body: c.oneVarBody(t, "p-1", updated)})

		r, err := c.api.upsert(context.Background(), ts.client, "p-1", VariableCreateOptions{
			Key: "region", Value: Ptr("us-east-1"), Description: Ptr("where"), Category: CategoryEnv,
		})
		require.NoError(t, err)
		assertServedOnce(t, patched)
		assert.Equal(t, upserted{Action: UpsertUpdated, Changed: []string{"value"}, Variable: updated}, r)
	})
}

func TestVariableCollectionsUpsertAlwaysResendsASensitiveValue(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		existing := varView{ID: "var-3", Key: "DB_PASSWORD", Category: CategoryEnv, Sensitive: true, Owner: "p-1"}
		ts.expect(exchange{method: "GET", path: c.path("p-1"), status: 200, body: c.varsBody(t, "p-1", existing)})
		patched := ts.expect(exchange{method: "PATCH", path: c.path("p-1", "var-3"), golden: c.file("upsert_sensitive.request.json"), status: 200, body: c.oneVarBody(t, "p-1", existing)})

		opts := VariableCreateOptions{Key: "DB_PASSWORD", Value: Ptr(plantSensitive(t, "upsert-PLANTED-5ec4e7")), Category: CategoryEnv}
		for range 2 {
			r, err := c.api.upsert(context.Background(), ts.client, "p-1", opts)
			require.NoError(t, err)
			assert.Equal(t, upserted{Action: UpsertUpdated, Changed: []string{"value"}, Variable: existing}, r,
				"the service never answers the value, so it is sent each time")
		}
		assert.EqualValues(t, 2, patched.Load())
	})
}

func TestVariableCollectionsUpsertRefusesToPickAmongDuplicates(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		twice := []varView{
			{ID: "var-a", Key: "region", Value: "x", Category: CategoryEnv},
			{ID: "var-b", Key: "region", Value: "y", Category: CategoryEnv},
		}
		ts.expect(exchange{method: "GET", path: c.path("p-1"), status: 200, body: c.varsBody(t, "p-1", twice...)})

		_, err := c.api.upsert(context.Background(), ts.client, "p-1", VariableCreateOptions{Key: "region", Value: Ptr("z"), Category: CategoryEnv})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "var-a, var-b")
		assert.ErrorIs(t, err, ErrAmbiguous)
		assert.Equal(t, 1, ts.count(), "nothing is written")
	})
}

func TestVariableCollectionsUpsertStopsAtAFailedList(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: c.path("p-1"), anyRequest: true, answer: func(w http.ResponseWriter, _ *http.Request) {
			respond(w, 404, `{"errors":[{"status":"404","title":"not found"}]}`)
		}})

		_, err := c.api.upsert(context.Background(), ts.client, "p-1", VariableCreateOptions{Key: "k", Category: CategoryEnv})
		assert.ErrorIs(t, err, ErrResourceNotFound)
		assert.Equal(t, 1, ts.count())
	})
}
