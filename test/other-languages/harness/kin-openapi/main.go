// Judges response bodies with kin-openapi, the way a Go server or client of our API would: load the 3.0.3 bundle,
// validate the document, route each case's request and run openapi3filter.ValidateResponse on its body.
//
// Usage: go run main.go BUNDLE_30_JSON CASES_JSON (GOPATH mode, against Debian's golang-github-getkin-kin-openapi-dev).
// CASES_JSON is a list of {"label", "method", "url", "status", "body"}; the output is a JSON object
// {"document_error", "results": [{"label", "valid", "error"}]}. Deciding what is expected is the caller's job.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

type testCase struct {
	Label  string          `json:"label"`
	Method string          `json:"method"`
	URL    string          `json:"url"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
}

type result struct {
	Label string  `json:"label"`
	Valid bool    `json:"valid"`
	Error *string `json:"error"`
}

type output struct {
	DocumentError *string  `json:"document_error"`
	Results       []result `json:"results"`
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(2)
}

func text(err error) *string {
	if err == nil {
		return nil
	}
	message := err.Error()
	return &message
}

func main() {
	if len(os.Args) != 3 {
		fail("usage: main BUNDLE_30_JSON CASES_JSON")
	}
	// The formats our spec uses and ajv checks. date and date-time are built in; uuid is opt-in.
	openapi3.DefineStringFormat("uuid", openapi3.FormatOfStringForUUIDOfRFC4122)

	ctx := context.Background()
	doc, err := openapi3.NewLoader().LoadFromFile(os.Args[1])
	if err != nil {
		fail("cannot load %s: %v", os.Args[1], err)
	}
	out := output{Results: []result{}}
	// With format validation on, a string format kin does not know is an error too.
	out.DocumentError = text(doc.Validate(ctx, openapi3.EnableSchemaFormatValidation()))

	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		fail("cannot build a router: %v", err)
	}
	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail("cannot read the cases: %v", err)
	}
	var cases []testCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		fail("cannot parse the cases: %v", err)
	}
	options := &openapi3filter.Options{IncludeResponseStatus: true}
	for _, c := range cases {
		request, err := http.NewRequest(c.Method, c.URL, nil)
		if err != nil {
			fail("%s: bad request: %v", c.Label, err)
		}
		route, pathParams, err := router.FindRoute(request)
		if err != nil {
			fail("%s: no route for %s %s: %v", c.Label, c.Method, c.URL, err)
		}
		input := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{
				Request:    request,
				PathParams: pathParams,
				Route:      route,
				Options:    options,
			},
			Status:  c.Status,
			Header:  http.Header{"Content-Type": []string{"application/json"}},
			Options: options,
		}
		input.SetBodyBytes(c.Body)
		verdict := openapi3filter.ValidateResponse(ctx, input)
		out.Results = append(out.Results, result{Label: c.Label, Valid: verdict == nil, Error: text(verdict)})
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail("cannot write the results: %v", err)
	}
}
