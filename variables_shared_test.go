package tfe

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of the two collections of variables, run once per row of the
// table: workspace variables and variable-set variables share their
// plumbing (varKind), their rules and so their tests.

var varCollections = []varCollection{workspaceVariables, variableSetVariablesRow}

// eachCollection runs test once per collection, in parallel.
func eachCollection(t *testing.T, test func(t *testing.T, c varCollection)) {
	t.Helper()
	for _, c := range varCollections {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			test(t, c)
		})
	}
}

func TestVariableCollectionsList(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		served := ts.expect(exchange{method: "GET", path: c.path(c.list.parentID), status: 200, fixture: c.list.fixture})

		items, page, err := c.api.list(context.Background(), ts.client, c.list.parentID, nil)
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Nil(t, page, "the documented answer has no pagination meta, and no page was asked for")
		assert.Equal(t, c.wantList, items)
	})
}

func TestVariableCollectionsListCutsThePageAskedFor(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		five := numbered(5, "p-1")
		ts.expect(exchange{method: "GET", path: c.path("p-1"), anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
			respond(w, 200, c.varsBody(t, "p-1", five...))
		}})
		ctx := context.Background()
		for _, tc := range []struct {
			name  string
			page  ListOptions
			items []varView
			want  *Pagination
		}{
			{"middle", ListOptions{PageNumber: 2, PageSize: 2}, five[2:4], &Pagination{CurrentPage: 2, PreviousPage: 1, NextPage: 3, TotalPages: 3, TotalCount: 5}},
			{"last", ListOptions{PageNumber: 3, PageSize: 2}, five[4:], &Pagination{CurrentPage: 3, PreviousPage: 2, TotalPages: 3, TotalCount: 5}},
			{"past the end", ListOptions{PageNumber: 4, PageSize: 2}, []varView{}, &Pagination{CurrentPage: 4, PreviousPage: 3, TotalPages: 3, TotalCount: 5}},
			{"size only", ListOptions{PageSize: 4}, five[:4], &Pagination{CurrentPage: 1, NextPage: 2, TotalPages: 2, TotalCount: 5}},
			{"number only: 20 a page", ListOptions{PageNumber: 1}, five, &Pagination{CurrentPage: 1, TotalPages: 1, TotalCount: 5}},
		} {
			items, page, err := c.api.list(ctx, ts.client, "p-1", &VariableListOptions{tc.page})
			require.NoError(t, err, tc.name)
			assert.Equal(t, tc.items, items, tc.name)
			assert.Equal(t, tc.want, page, tc.name)
		}
	})
}

func TestVariableCollectionsListSendsThePageOptions(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		query := url.Values{"page[number]": {"2"}, "page[size]": {"5"}}
		served := ts.expect(exchange{method: "GET", path: c.path("p-1"), query: query, status: 200, body: c.varsBody(t, "p-1", numbered(7, "p-1")...)})

		items, page, err := c.api.list(context.Background(), ts.client, "p-1", &VariableListOptions{ListOptions{PageNumber: 2, PageSize: 5}})
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Len(t, items, 2)
		assert.Equal(t, 2, page.TotalPages)
	})
}

func TestVariableCollectionsListTakesAServersOwnPage(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		two := numbered(2, "p-1")
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(c.varsBody(t, "p-1", two...)), &doc))
		doc["meta"] = map[string]any{"pagination": map[string]any{"current-page": 2, "prev-page": 1, "next-page": 3, "total-pages": 3, "total-count": 6}}
		body, err := json.Marshal(doc)
		require.NoError(t, err)
		ts.expect(exchange{method: "GET", path: c.path("p-1"), anyRequest: true, status: 200, body: string(body)})

		items, page, err := c.api.list(context.Background(), ts.client, "p-1", &VariableListOptions{ListOptions{PageNumber: 2, PageSize: 2}})
		require.NoError(t, err)
		assert.Equal(t, two, items, "an answer with pagination meta is the server's page: nothing is cut")
		assert.Equal(t, &Pagination{CurrentPage: 2, PreviousPage: 1, NextPage: 3, TotalPages: 3, TotalCount: 6}, page)
	})
}

func TestVariableCollectionsListIterMakesOneRequest(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		query := url.Values{"page[number]": {"1"}, "page[size]": {"100"}}
		served := ts.expect(exchange{method: "GET", path: c.path(c.list.parentID), query: query, status: 200, fixture: c.list.fixture})

		items, err := collect(c.api.listIter(context.Background(), ts.client, c.list.parentID, nil))
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, c.wantList, items)
	})
}

func TestVariableCollectionsListIterStartsAtThePageAskedFor(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		five := numbered(5, "p-1")
		query := url.Values{"page[number]": {"2"}, "page[size]": {"2"}}
		served := ts.expect(exchange{method: "GET", path: c.path("p-1"), query: query, status: 200, body: c.varsBody(t, "p-1", five...)})

		items, err := collect(c.api.listIter(context.Background(), ts.client, "p-1", &VariableListOptions{ListOptions{PageNumber: 2, PageSize: 2}}))
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, five[2:], items, "from the second page of two on, in the one request")
	})
}

func TestVariableCollectionsListIterStopsWhenTheConsumerDoes(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: c.path("p-1"), anyRequest: true, status: 200, body: c.varsBody(t, "p-1", numbered(3, "p-1")...)})

		var seen []string
		for v, err := range c.api.listIter(context.Background(), ts.client, "p-1", nil) {
			require.NoError(t, err)
			seen = append(seen, v.ID)
			break
		}
		assert.Equal(t, []string{"var-1"}, seen)
	})
}

func TestVariableCollectionsCreate(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		for _, op := range []varOp{c.create, c.createSensitive} {
			ts := setup(t)
			served := ts.expect(exchange{method: "POST", path: c.path(op.parentID), golden: op.golden, status: op.status, fixture: op.fixture})

			v, err := c.api.create(context.Background(), ts.client, op.parentID, op.create)
			require.NoError(t, err, op.golden)
			assertServedOnce(t, served)
			assert.Equal(t, op.want, v, op.golden)
		}
	})
}

func TestVariableCollectionsRead(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		served := ts.expect(exchange{method: "GET", path: c.path(c.read.parentID, c.read.variableID), status: 200, fixture: c.read.fixture})

		v, err := c.api.read(context.Background(), ts.client, c.read.parentID, c.read.variableID)
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, c.read.want, v)
	})
}

func TestVariableCollectionsUpdate(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		op := c.update
		served := ts.expect(exchange{method: "PATCH", path: c.path(op.parentID, op.variableID), golden: op.golden, status: 200, fixture: op.fixture})

		v, err := c.api.update(context.Background(), ts.client, op.parentID, op.variableID, op.update)
		require.NoError(t, err)
		assertServedOnce(t, served)
		assert.Equal(t, op.want, v)
	})
}

func TestVariableCollectionsUpdateSendsOnlyWhatIsSet(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		ts.expect(exchange{method: "PATCH", path: c.path("p-1", "var-1"), anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
			var body map[string]any
			assert.NoError(ts, json.NewDecoder(r.Body).Decode(&body))
			assert.Equal(ts, map[string]any{"data": map[string]any{"type": "vars", "attributes": map[string]any{"value": ""}}}, body)
			respond(w, 200, fixture(ts, c.update.fixture))
		}})

		_, err := c.api.update(context.Background(), ts.client, "p-1", "var-1", VariableUpdateOptions{Value: Ptr("")})
		require.NoError(t, err)
	})
}

func TestVariableCollectionsDelete(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		served := ts.expect(exchange{method: "DELETE", path: c.path(c.update.parentID, c.update.variableID), status: 204})

		require.NoError(t, c.api.delete(context.Background(), ts.client, c.update.parentID, c.update.variableID))
		assertServedOnce(t, served)
	})
}

func TestVariableCollectionsAPIErrors(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		ts := setup(t)
		ts.expect(exchange{method: "GET", path: c.path("p-1", "var-1"), anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
		ts.expect(exchange{method: "GET", path: c.path("p-1"), anyRequest: true, status: 200, body: `{"data": {"id": "var-1", "type": "vars"}}`})
		ctx := context.Background()

		_, err := c.api.read(ctx, ts.client, "p-1", "var-1")
		assert.ErrorIs(t, err, ErrResourceNotFound)
		_, _, err = c.api.list(ctx, ts.client, "p-1", nil)
		wantDecodeError(t, err)
		_, err = collect(c.api.listIter(ctx, ts.client, "p-1", nil))
		wantDecodeError(t, err)
		_, err = c.api.upsert(ctx, ts.client, "p-1", VariableCreateOptions{Key: "k", Category: CategoryEnv})
		wantDecodeError(t, err)
	})
}

func TestVariableCollectionsValidation(t *testing.T) {
	t.Parallel()
	eachCollection(t, func(t *testing.T, c varCollection) {
		runInvalidCalls(t, c.invalidCalls())
	})
}
