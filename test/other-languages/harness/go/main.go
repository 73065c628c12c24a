// Parses response bodies with the generated Go models and reports, per body, what happened.
//
// Usage: go run . CASES_JSON, in a module that holds this file, the generated package and a registry.go that fills
// `models`. CASES_JSON is a list of {"label", "model", "body"}; the output is a JSON list of
// {"label", "parsed", "round_trip", "error"}. Deciding what is expected is the caller's job.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

// models maps a model name to a function that parses a body with it and marshals the result back.
var models = map[string]func([]byte) ([]byte, error){}

type testCase struct {
	Label string          `json:"label"`
	Model string          `json:"model"`
	Body  json.RawMessage `json:"body"`
}

type result struct {
	Label     string  `json:"label"`
	Parsed    bool    `json:"parsed"`
	RoundTrip bool    `json:"round_trip"`
	Error     *string `json:"error"`
}

// normalize drops null values and empty lists: the generated structs tag optional fields `omitempty`, which cannot
// tell an empty list from a missing one, and they leave a nil optional field out.
func normalize(value interface{}) interface{} {
	switch v := value.(type) {
	case map[string]interface{}:
		out := map[string]interface{}{}
		for key, item := range v {
			if list, isList := item.([]interface{}); item == nil || (isList && len(list) == 0) {
				continue
			}
			out[key] = normalize(item)
		}
		return out
	case []interface{}:
		out := make([]interface{}, len(v))
		for i, item := range v {
			out[i] = normalize(item)
		}
		return out
	default:
		return v
	}
}

func sameJSON(a, b []byte) bool {
	var left, right interface{}
	if json.Unmarshal(a, &left) != nil || json.Unmarshal(b, &right) != nil {
		return false
	}
	return reflect.DeepEqual(normalize(left), normalize(right))
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []testCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		panic(err)
	}
	results := []result{}
	for _, c := range cases {
		parse, known := models[c.Model]
		if !known {
			panic(fmt.Sprintf("no generated model named %q", c.Model))
		}
		back, err := parse(c.Body)
		if err != nil {
			message := err.Error()
			results = append(results, result{Label: c.Label, Error: &message})
			continue
		}
		results = append(results, result{Label: c.Label, Parsed: true, RoundTrip: sameJSON(back, c.Body)})
	}
	out, err := json.Marshal(results)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
}
